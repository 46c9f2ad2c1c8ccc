using System.Runtime.InteropServices;
using IotAdmin.Emulator;

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(EmulatorOptions.Usage);
    return 0;
}

EmulatorOptions options;
try
{
    options = EmulatorOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine("error: " + e.Message);
    Console.Error.WriteLine(EmulatorOptions.Usage);
    return 2;
}

await using var server = await StartOrExplainAsync(options);
if (server == null) return 2;

Console.WriteLine($"IotAdmin emulator listening on {server.BaseAddress}");
Console.WriteLine($"  API root:        {server.ApiRoot}");
Console.WriteLine($"  Token endpoint:  {server.TokenEndpoint}");
Console.WriteLine($"  Emulator API:    {server.EmulatorApiRoot} (emulated devices); events every {options.EventInterval} once asked for; {options.Kits} unclaimed kits");
Console.WriteLine($"  Key id:          {server.Credentials.KeyId}");
Console.WriteLine($"  Secret:          {server.Credentials.Secret}");
Console.WriteLine($"  E-mail:          {server.Credentials.Email}");
Console.WriteLine(options.FleetFile != null ? $"  Fleet:           {Path.GetFullPath(options.FleetFile)}; organization {server.OrganizationId}" : $"  Fleet:           {options.Devices} devices in {options.Projects} projects (seed {options.Seed}); organization {server.OrganizationId}");
Console.WriteLine($"  Rate limit:      {(options.RateLimit > 0 ? options.RateLimit + " requests / " + options.RateWindowSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + " s per service account" : "off")}; token TTL {options.TokenTtlSeconds} s; error style {options.ErrorStyle}");
if (options.CredentialsFile != null) Console.WriteLine($"  Credentials file: {Path.GetFullPath(options.CredentialsFile)}");
Console.WriteLine($"  Cloud IoT Core:  {server.GoogleApiRoot} (project {options.GoogleProject}, region {options.GoogleLocation})" + (options.GoogleKeyFile != null ? $"; key file {Path.GetFullPath(options.GoogleKeyFile)}" : "; --google-key-file writes a key for it"));
Console.WriteLine("Press Ctrl+C to stop.");

// SIGTERM (docker stop, systemd, CI runners, `kill`), SIGINT (Ctrl+C) and SIGQUIT all end the process cleanly:
// exit code 0 and the port released within about a second, in-flight requests (open streams) cut short.
var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onQuit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, Stop);
await stop.Task;
Console.WriteLine("Stopping.");
using (var grace = new CancellationTokenSource(TimeSpan.FromSeconds(1)))
{
    await server.StopAsync(grace.Token);
}

return 0;

void Stop(PosixSignalContext context)
{
    context.Cancel = true; // we exit ourselves, after the server has stopped
    stop.TrySetResult();
}

static async Task<EmulatorServer?> StartOrExplainAsync(EmulatorOptions options)
{
    try
    {
        return await EmulatorServer.StartAsync(options);
    }
    catch (ArgumentException e)
    {
        Console.Error.WriteLine("error: " + e.Message);
        return null;
    }
    catch (Exception e) when (e is IOException or InvalidOperationException or System.Net.Sockets.SocketException)
    {
        Console.Error.WriteLine("error: cannot listen on " + options.Urls + ": " + e.Message);
        return null;
    }
}
