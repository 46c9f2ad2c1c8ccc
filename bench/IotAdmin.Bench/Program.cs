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
    /// dotnet run -c Release --project bench/IotAdmin.Bench [-- list|ratelimit|bulk|burst|sequential|parallel|processes|adaptive|spreadsheet|export|all [scale]|whatif]
    /// Every scenario runs against an in-process emulator on 127.0.0.1 with the real service's rate limit (75 per 10 s);
    /// sequential, parallel and processes run at that limit times the scale (default 10; 1 = the real limit); whatif runs
    /// bench/PipedWhatIf.ps1 in real PowerShell (`dotnet pwsh`, after ./build.ps1 Build).
    /// </summary>
    internal static class Program
    {
        private static async Task<int> Main(string[] args)
        {
            var which = args.Length > 0 ? args[0] : "all";
            if (which == "client") return await RateBudgetBench.ClientAsync();
            // Long runs take a scale (the limit multiplied, time divided): `sequential 1` is the real limit.
            var scale = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10;
            if (which is "list" or "all") await ListAsync();
            if (which is "ratelimit" or "all") await RateLimitAsync();
            if (which is "bulk" or "all") await RateBudgetBench.BulkAsync();
            if (which is "burst" or "all") await RateBudgetBench.BurstAsync();
            if (which is "sequential" or "all") await RateBudgetBench.SequentialAsync(2000, scale);
            if (which is "parallel" or "all") await RateBudgetBench.ParallelAsync(8, 250, scale);
            if (which is "processes" or "all") await RateBudgetBench.ProcessesAsync(4, 500, scale);
            if (which is "adaptive" or "all") await RateBudgetBench.AdaptiveAsync(TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(90));
            if (which is "spreadsheet" or "all") await WorkflowBench.SpreadsheetAsync();
            if (which is "export" or "all") await WorkflowBench.ExportAsync();
            if (which is "whatif") return await PipedWhatIfAsync(); // needs the built module: not part of "all"
            return 0;
        }

        /// <summary>Time to first device and total time for a 2,500-device listing, and managed memory growth.</summary>
        private static async Task ListAsync()
        {
            await using var server = await BenchEmulator.StartAsync(devices: 2500, projects: 1, rateLimit: 0);
            using var session = await BenchEmulator.ConnectAsync(server, new RateLimitOptions(0, TimeSpan.FromSeconds(10)));
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
                await using var server = await BenchEmulator.StartAsync(devices: 50, projects: 2, rateLimit: 75);
                var rate = limited ? RateLimitOptions.Default : new RateLimitOptions(0, TimeSpan.FromSeconds(10));
                using var session = await BenchEmulator.ConnectAsync(server, rate);
                var output = new CountingOutput();
                var context = new ApiCallContext(output);
                var ids = Enumerable.Repeat(server.ProjectIds[1], Requests).ToList();
                var sw = Stopwatch.StartNew();
                await GetProjectOperation.RunAsync(session, ids, null, null, output, context, CancellationToken.None);
                var elapsed = sw.Elapsed.TotalSeconds;
                var stats = await BenchEmulator.StatsAsync(server);
                Console.WriteLine($"   {(limited ? "with the limiter   " : "without the limiter")}: {output.Objects}/{Requests} ok, {output.Errors} errors, {Requests / elapsed:0.00} requests/s (budget 7.50/s), server 429s {stats.GetProperty("throttled").GetInt32()}, client retries {context.Counters.Retries}, {elapsed:0.0} s");
            }
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
    }
}
