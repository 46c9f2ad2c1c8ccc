using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
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

    /// <summary>The Cloud IoT Core API root (/v1).</summary>
    public Uri GoogleApiRoot => new(BaseAddress, "v1");

    /// <summary>A Google service-account key file (JSON) the /v1 API accepts; made at first use.</summary>
    public string GoogleKeyFileJson => _google.Value.KeyFileJson();

    public string OrganizationId => _store.Read(v => v.Organization.Id);

    /// <summary>The seeded projects; [0] is the inventory project.</summary>
    public IReadOnlyList<string> ProjectIds => _store.SeededProjectIds;

    public static async Task<EmulatorServer> StartAsync(EmulatorOptions options, CancellationToken cancellationToken = default)
    {
        var listen = LoopbackUri(options.Urls);
        var credentials = CredentialsFor(options.Seed);
        var store = new FleetStore(options);
        var stats = new Stats();
        var faults = new FaultInjector(options);
        var rate = new RateWindow(options);
        var snapshots = new PageSnapshots(options.TimeProvider);
        Uri? bound = null; // known once Kestrel has picked the port
        var google = new Lazy<GoogleAccount>(() => new GoogleAccount(options.GoogleProject, new Uri(bound!, GoogleAccount.TokenPath)));
        var events = new EventServices(options, store);
        var pipeline = new ApiPipeline(options, store, new TokenIssuer(credentials, google, options), rate, faults, stats, snapshots, events);
        var control = new ControlApi(store, faults, stats, rate, snapshots, events);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = Array.Empty<string>(), EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(listen.AbsoluteUri.TrimEnd('/'));
        var app = builder.Build();
        app.Run(context => context.Request.Path.StartsWithSegments("/_emulator") ? control.HandleAsync(context) : pipeline.HandleAsync(context));
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        bound = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        var server = new EmulatorServer(app, store, events, google, options, credentials, bound);
        if (options.GoogleKeyFile != null) await WriteAtomicallyAsync(options.GoogleKeyFile, server.GoogleKeyFileJson);
        if (options.CredentialsFile != null) await server.WriteCredentialsFileAsync(options.CredentialsFile);
        return server;
    }

    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        _events.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>Only loopback addresses: the emulator is never reachable from another machine.</summary>
    private static Uri LoopbackUri(string urls)
    {
        if (!Uri.TryCreate(urls.Split(';')[0].Trim(), UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
            throw new ArgumentException($"--urls '{urls}' must be an http URL such as http://127.0.0.1:5080.");
        var loopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
        if (!loopback) throw new ArgumentException($"--urls '{urls}' is not a loopback address; the emulator listens on 127.0.0.1, [::1] or localhost only.");
        return uri;
    }

    /// <summary>Deterministic per seed, so scripts can keep a credentials file between runs.</summary>
    private static EmulatorCredentials CredentialsFor(int seed)
    {
        var bytes = SHA256.HashData(BitConverter.GetBytes(seed));
        var hex = Convert.ToHexString(bytes).ToLowerInvariant();
        return new EmulatorCredentials("emukey" + hex[..14], "emusecret-" + hex[14..46], $"emulator-{seed}@iotadmin-emulator.local");
    }

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
