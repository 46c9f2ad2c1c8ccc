using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using IotAdmin.Emulator.Access;
using IotAdmin.Emulator.Api;
using IotAdmin.Emulator.Auth;
using IotAdmin.Emulator.Control;
using IotAdmin.Emulator.Events;
using IotAdmin.Emulator.Paging;
using IotAdmin.Emulator.Store;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace IotAdmin.Emulator;

/// <summary>The emulator, in-process: Kestrel on a loopback address (port 0 = any free port).</summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly FleetStore _store;
    private readonly EventServices _events;

    private readonly Lazy<GoogleAccount> _google;

    private EmulatorServer(WebApplication app, FleetStore store, EventServices events, Lazy<GoogleAccount> google, EmulatorOptions options, EmulatorCredentials credentials, Uri baseAddress)
    {
        _app = app;
        _store = store;
        _events = events;
        _google = google;
        Options = options;
        Credentials = credentials;
        BaseAddress = baseAddress;
    }

    public EmulatorOptions Options { get; }

    /// <summary>e.g. http://127.0.0.1:41234/ (the port actually bound).</summary>
    public Uri BaseAddress { get; }

    public Uri ApiRoot => new(BaseAddress, "v2");

    public Uri TokenEndpoint => new(BaseAddress, "oauth2/token");

    /// <summary>DT's hosted emulator API (emulated devices, :publish), with the real host's path layout: …/emulator/v2.</summary>
    public Uri EmulatorApiRoot => new(BaseAddress, "emulator/v2");

    public EmulatorCredentials Credentials { get; }

    /// <summary>The seeded service account's id (what the rate limit and its counters are kept per).</summary>
    public string ServiceAccountId => SeededAccount.AccountId(Options.Seed);

    /// <summary>The Cloud IoT Core API root (/v1).</summary>
    public Uri GoogleApiRoot => new(BaseAddress, "v1");

    /// <summary>A Google service-account key file (JSON) the /v1 API accepts; made at first use.</summary>
    public string GoogleKeyFileJson => _google.Value.KeyFileJson();

    public string OrganizationId => _store.Read(v => v.Organization.Id);

    /// <summary>The seeded projects; [0] is the inventory project.</summary>
    public IReadOnlyList<string> ProjectIds => _store.SeededProjectIds;

    public static async Task<EmulatorServer> StartAsync(EmulatorOptions options, CancellationToken cancellationToken = default)
    {
        var listen = LoopbackEndPoint(options.Urls);
        var credentials = SeededAccount.CredentialsFor(options.Seed);
        var store = new FleetStore(options);
        var stats = new Stats();
        var faults = new FaultInjector(options);
        var rate = new RateWindow(options);
        var snapshots = new PageSnapshots(options.TimeProvider);
        Uri? bound = null; // known once Kestrel has picked the port
        var google = new Lazy<GoogleAccount>(() => new GoogleAccount(options.GoogleProject, new Uri(bound!, GoogleAccount.TokenPath)));
        var events = new EventServices(options, store);
        var pipeline = new ApiPipeline(options, store, new TokenIssuer(keyId => store.Read(v => v.KeyGrant(keyId)), google, options), rate, faults, stats, snapshots, events);
        var control = new ControlApi(store, faults, stats, rate, snapshots, events);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = Array.Empty<string>(), EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        // Ambient configuration (Kestrel__Endpoints__… variables, ASPNETCORE_URLS, an appsettings.json) could add or
        // move endpoints, even to 0.0.0.0: none is read. The one endpoint is the loopback address checked above.
        builder.Configuration.Sources.Clear();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(listen));
        var app = builder.Build();
        app.Run(context => context.Request.Path.StartsWithSegments("/_emulator") ? control.HandleAsync(context) : pipeline.HandleAsync(context));
        await app.StartAsync(cancellationToken);

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.ToList();
        var strays = addresses.Where(a => !IsLoopbackUrl(a)).ToList();
        if (addresses.Count != 1 || strays.Count > 0)
        {
            await app.StopAsync(cancellationToken);
            await app.DisposeAsync();
            throw new InvalidOperationException($"the emulator must listen on one loopback address only, but bound {string.Join(", ", addresses)}");
        }

        bound = new Uri(addresses[0].TrimEnd('/') + "/");
        var server = new EmulatorServer(app, store, events, google, options, credentials, bound);
        if (options.GoogleKeyFile != null) await WriteAtomicallyAsync(options.GoogleKeyFile, server.GoogleKeyFileJson);
        if (options.CredentialsFile != null) await server.WriteCredentialsFileAsync(options.CredentialsFile);
        return server;
    }

    /// <summary>Stops listening; requests still running when <paramref name="cancellationToken"/> fires are cut short.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        _events.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>
    /// Only loopback addresses: the emulator is never reachable from another machine. "localhost" is 127.0.0.1;
    /// IPv4-mapped IPv6 addresses (::ffff:127.0.0.1) are refused, as Kestrel cannot bind them.
    /// </summary>
    internal static IPEndPoint LoopbackEndPoint(string urls)
    {
        if (!Uri.TryCreate(urls.Split(';')[0].Trim(), UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || uri.AbsolutePath != "/")
            throw new ArgumentException($"--urls '{urls}' must be an http URL such as http://127.0.0.1:5080.");
        var host = uri.Host.Trim('[', ']');
        IPAddress? ip = string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback : IPAddress.TryParse(host, out var parsed) ? parsed : null;
        if (ip == null || !IPAddress.IsLoopback(ip)) throw new ArgumentException($"--urls '{urls}' is not a loopback address; the emulator listens on 127.0.0.1, [::1] or localhost only.");
        if (ip.IsIPv4MappedToIPv6) throw new ArgumentException($"--urls '{urls}' is an IPv4-mapped IPv6 address; use http://{ip.MapToIPv4()}:{uri.Port} instead.");
        return new IPEndPoint(ip, uri.Port);
    }

    private static bool IsLoopbackUrl(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip) && !ip.IsIPv4MappedToIPv6;

    private async Task WriteCredentialsFileAsync(string path)
    {
        var json = new JsonObject
        {
            ["serviceAccount"] = new JsonObject
            {
                ["keyId"] = Credentials.KeyId,
                ["secret"] = Credentials.Secret,
                ["email"] = Credentials.Email,
                ["algorithm"] = "HS256",
                ["tokenEndpoint"] = TokenEndpoint.AbsoluteUri,
            },
        };
        await WriteAtomicallyAsync(path, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>Readers (scripts waiting for the file) never see half of it.</summary>
    private static async Task WriteAtomicallyAsync(string path, string text)
    {
        var temp = path + ".tmp";
        await File.WriteAllTextAsync(temp, text);
        File.Move(temp, path, overwrite: true);
    }
}
