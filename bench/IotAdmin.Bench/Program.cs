using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Auth;
using IotAdmin.Emulator;
using IotAdmin.Http;
using IotAdmin.Models;
using IotAdmin.Operations;
using IotAdmin.Operations.Bulk;
using IotAdmin.Sessions;

namespace IotAdmin.Bench
{
    /// <summary>
    /// dotnet run -c Release --project bench/IotAdmin.Bench [-- list|ratelimit|bulk|spreadsheet|export|all|whatif]
    /// Every scenario runs against an emulator on 127.0.0.1 with the real service's rate limit (75 per 10 s), in process;
    /// whatif runs bench/PipedWhatIf.ps1 in real PowerShell (`dotnet pwsh`, after ./build.ps1 Build).
    /// </summary>
    internal static class Program
    {
        private static readonly HttpClient Control = new HttpClient();

        private static async Task<int> Main(string[] args)
        {
            var which = args.Length > 0 ? args[0] : "all";
            if (which is "list" or "all") await ListAsync();
            if (which is "ratelimit" or "all") await RateLimitAsync();
            if (which is "bulk" or "all") await BulkAsync();
            if (which is "spreadsheet" or "all") await WorkflowBench.SpreadsheetAsync();
            if (which is "export" or "all") await WorkflowBench.ExportAsync();
            if (which is "whatif") return await PipedWhatIfAsync(); // needs the built module: not part of "all"
            return 0;
        }

        /// <summary>Time to first device and total time for a 2,500-device listing, and managed memory growth.</summary>
        private static async Task ListAsync()
        {
            await using var server = await StartAsync(devices: 2500, projects: 1, rateLimit: 0);
            using var session = await ConnectAsync(server, new RateLimitOptions(0, TimeSpan.FromSeconds(10)));
            var output = new CountingOutput();
            var sw = Stopwatch.StartNew();
            TimeSpan first = TimeSpan.Zero;
            output.OnFirstObject = () => first = sw.Elapsed;
            var before = GC.GetTotalMemory(true);
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var context = new ApiCallContext(output);
            await GetDeviceOperation.RunAsync(session, new GetDeviceRequest { ProjectId = server.ProjectIds[0] }, output, context, CancellationToken.None);
            var total = sw.Elapsed;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            var after = GC.GetTotalMemory(true);
            Console.WriteLine("== list: 2,500 devices, one project, no rate limit");
            Console.WriteLine($"   devices {output.Objects}, requests {context.Counters.Requests}, first device after {first.TotalMilliseconds:0.0} ms, all after {total.TotalMilliseconds:0} ms");
            Console.WriteLine($"   allocated {allocated / 1024.0 / 1024.0:0.0} MiB in all (client and in-process emulator), retained after the listing {(after - before) / 1024.0:0} KiB: memory stays flat in N when the consumer does not keep the objects");
        }

        /// <summary>Requests/s and 429s with the client-side limiter vs without it, against the real 75/10 s limit.</summary>
        private static async Task RateLimitAsync()
        {
            const int Requests = 225;
            Console.WriteLine($"== ratelimit: {Requests} sequential requests against 75 requests / 10 s");
            foreach (var limited in new[] { true, false })
            {
                await using var server = await StartAsync(devices: 50, projects: 2, rateLimit: 75);
                var rate = limited ? RateLimitOptions.Default : new RateLimitOptions(0, TimeSpan.FromSeconds(10));
                using var session = await ConnectAsync(server, rate);
                var output = new CountingOutput();
                var context = new ApiCallContext(output);
                var ids = Enumerable.Repeat(server.ProjectIds[1], Requests).ToList();
                var sw = Stopwatch.StartNew();
                await GetProjectOperation.RunAsync(session, ids, null, null, output, context, CancellationToken.None);
                var elapsed = sw.Elapsed.TotalSeconds;
                var stats = await StatsAsync(server);
                Console.WriteLine($"   {(limited ? "with the limiter   " : "without the limiter")}: {output.Objects}/{Requests} ok, {output.Errors} errors, {Requests / elapsed:0.00} requests/s (budget 7.50/s), server 429s {stats.GetProperty("throttled").GetInt32()}, client retries {context.Counters.Retries}, {elapsed:0.0} s");
            }
        }

        /// <summary>10,000 devices labelled through the operation layer with the real limit: requests, wall time, vs a per-device loop.</summary>
        private static async Task BulkAsync()
        {
            const int Devices = 10_000;
            await using var server = await StartAsync(devices: Devices, projects: 1, rateLimit: 75);
            using var session = await ConnectAsync(server, RateLimitOptions.Default);
            var output = new CountingOutput();
            var sw = Stopwatch.StartNew();
            var operation = new SetLabelOperation(session, new System.Collections.Hashtable { ["campaign"] = "bench" }, new BulkOptions());
            var listing = new ListingSink(operation, output);
            await GetDeviceOperation.RunAsync(session, new GetDeviceRequest { ProjectId = server.ProjectIds[0] }, listing, new ApiCallContext(output), CancellationToken.None);
            var summary = await operation.CompleteAsync(output, CancellationToken.None);
            var elapsed = sw.Elapsed;
            var stats = await StatsAsync(server);
            var apiRequests = stats.GetProperty("requests").GetInt32() - stats.GetProperty("tokensIssued").GetInt32();
            var loopSeconds = (Devices / 100.0 + Devices) / 7.5;
            Console.WriteLine($"== bulk: label {Devices:N0} devices listed from one project, real limit 75 / 10 s");
            Console.WriteLine($"   {summary}");
            Console.WriteLine($"   API requests seen by the server: {apiRequests} (server 429s {stats.GetProperty("throttled").GetInt32()}), wall time {elapsed.TotalSeconds:0.0} s");
            Console.WriteLine($"   per-device loop estimate: {Devices / 100 + Devices:N0} requests at 7.5/s = {loopSeconds / 60:0.0} min");
            Console.WriteLine($"   ratio: {loopSeconds / elapsed.TotalSeconds:0}x faster, {(Devices / 100.0 + Devices) / apiRequests:0}x fewer requests");
        }

        /// <summary>Per-device cost of piping 10,000 device objects into Set-IotLabel -WhatIf, through the built module in real PowerShell.</summary>
        private static async Task<int> PipedWhatIfAsync()
        {
            var script = Path.Combine(RepositoryRoot(), "bench", "PipedWhatIf.ps1");
            using var pwsh = Process.Start(new ProcessStartInfo("dotnet", "pwsh -NoProfile -NonInteractive -File \"" + script + "\"") { WorkingDirectory = RepositoryRoot() })!;
            await pwsh.WaitForExitAsync();
            return pwsh.ExitCode;
        }

        private static string RepositoryRoot()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "IotAdmin.sln"))) dir = dir.Parent;
            return dir?.FullName ?? Directory.GetCurrentDirectory();
        }

        internal static async Task<EmulatorServer> StartAsync(int devices, int projects, int rateLimit) =>
            await EmulatorServer.StartAsync(new EmulatorOptions { Urls = "http://127.0.0.1:0", Devices = devices, Projects = projects, RateLimit = rateLimit, Quiet = true, PropagationDelayMs = 0 });

        internal static Task<IotSession> ConnectAsync(EmulatorServer server, RateLimitOptions rate)
        {
            var credential = new ServiceAccountCredential(server.Credentials.KeyId, ToSecure(server.Credentials.Secret), server.Credentials.Email);
            return IotSession.ConnectAsync(server.ApiRoot.AbsoluteUri, server.TokenEndpoint.AbsoluteUri, credential, new IotSessionOptions { RateLimit = rate }, new ApiCallContext(new CountingOutput()), CancellationToken.None);
        }

        private static async Task<JsonElement> StatsAsync(EmulatorServer server) =>
            JsonDocument.Parse(await Control.GetStringAsync(new Uri(server.BaseAddress, "_emulator/stats"))).RootElement.Clone();

        private static System.Security.SecureString ToSecure(string s)
        {
            var secure = new System.Security.SecureString();
            foreach (var c in s) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }

        /// <summary>Feeds every listed device into the bulk operation, as the PowerShell pipeline does.</summary>
        private sealed class ListingSink : Output.ForwardingOutput
        {
            private readonly BulkDeviceOperation _operation;

            public ListingSink(BulkDeviceOperation operation, Output.ICommandOutput inner)
                : base(inner)
            {
                _operation = operation;
            }

            public override void WriteObject(object item) => _operation.AddAsync(DeviceRef.FromDevice((IotDevice)item), Inner, CancellationToken.None).GetAwaiter().GetResult();

            public override bool ShouldProcess(string target, string action) => true;
        }
    }
}
