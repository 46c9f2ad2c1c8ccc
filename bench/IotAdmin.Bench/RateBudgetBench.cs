using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Emulator;
using IotAdmin.Http;
using IotAdmin.Models;
using IotAdmin.Operations;
using IotAdmin.Operations.Bulk;
using IotAdmin.Sessions;

namespace IotAdmin.Bench
{
    /// <summary>
    /// Issue 13's figures: how much of the server's budget (75 per 10 s, a sliding window) the client uses. Long runs take
    /// a scale: the limit is multiplied by it (750 per 10 s at scale 10), so a run takes a tenth of the time; the
    /// figures are printed against the scaled budget.
    /// </summary>
    internal static class RateBudgetBench
    {
        private const double PublishedRate = 7.5;

        /// <summary>
        /// Label every device of the largest project of a 10,000-device fleet (2 projects: 90 % in the second), with and
        /// without the client-side limiter. The lower bound: the first 75 requests at once, the rest when the window
        /// reopens after 10 s, each taking the time it takes with no limit at all (measured first).
        /// </summary>
        public static async Task BulkAsync()
        {
            Console.WriteLine("== bulk: label every device of the largest project of a 10,000-device fleet, real limit 75 / 10 s");
            await LabelLargestProjectAsync(rateLimit: 0, new RateLimitOptions(0, TimeSpan.FromSeconds(10)), "warm-up, no limit anywhere");
            var (freeSeconds, freeRequests) = await LabelLargestProjectAsync(rateLimit: 0, new RateLimitOptions(0, TimeSpan.FromSeconds(10)), "no limit anywhere");
            foreach (var limited in new[] { true, false })
            {
                var (seconds, requests) = await LabelLargestProjectAsync(75, limited ? RateLimitOptions.Default : new RateLimitOptions(0, TimeSpan.FromSeconds(10)), limited ? "with the limiter" : "without the limiter");
                var windows = Math.Floor((requests - 1) / 75.0);
                var bound = (windows * 10) + (freeSeconds * (requests - (75 * windows)) / freeRequests);
                Console.WriteLine($"      sliding-window lower bound for {requests} requests: {bound:0.00} s ({windows * 10:0} s + the last {requests - (75 * windows):0} requests at unlimited speed); wall time / bound = {seconds / bound:0.00}");
            }
        }

        private static async Task<(double Seconds, int Requests)> LabelLargestProjectAsync(int rateLimit, RateLimitOptions client, string label)
        {
            await using var server = await BenchEmulator.StartAsync(devices: 10_000, projects: 2, rateLimit: rateLimit);
            using var session = await BenchEmulator.ConnectAsync(server, client);
            var output = new CountingOutput();
            var context = new ApiCallContext(output);
            var sw = Stopwatch.StartNew();
            var operation = new SetLabelOperation(session, new System.Collections.Hashtable { ["campaign"] = "bench" }, new BulkOptions());
            var listing = new ListingSink(operation, output);
            await GetDeviceOperation.RunAsync(session, new GetDeviceRequest { ProjectId = server.ProjectIds[1] }, listing, context, CancellationToken.None);
            var summary = await operation.CompleteAsync(output, CancellationToken.None);
            var elapsed = sw.Elapsed.TotalSeconds;
            var requests = await BenchEmulator.ApiRequestsAsync(server);
            Console.WriteLine($"   {label}: {summary}");
            Console.WriteLine($"      {requests} API requests, server 429s {await BenchEmulator.ThrottledAsync(server)}, wall time {elapsed:0.00} s, listing's limiter wait {context.Counters.LimiterWait.TotalSeconds:0.0} s");
            return (elapsed, requests);
        }

        /// <summary>A 60-request job: the limiter must not delay it at all.</summary>
        public static async Task BurstAsync()
        {
            await using var server = await BenchEmulator.StartAsync(devices: 20, projects: 2, rateLimit: 75);
            using var session = await BenchEmulator.ConnectAsync(server, RateLimitOptions.Default);
            var run = new RequestRun();
            var sw = Stopwatch.StartNew();
            await run.RunAsync(session, server.ProjectIds[1], 60);
            Console.WriteLine("== burst: a 60-request job, real limit 75 / 10 s");
            Console.WriteLine($"   {run.Completed.Count} requests in {sw.Elapsed.TotalSeconds:0.00} s, client-side limiter wait {run.Context.Counters.LimiterWait.TotalMilliseconds:0} ms, server 429s {await BenchEmulator.ThrottledAsync(server)}");
        }

        /// <summary>N sequential requests: the average rate against the budget.</summary>
        public static async Task SequentialAsync(int count, int scale)
        {
            await using var server = await BenchEmulator.StartAsync(devices: 20, projects: 2, rateLimit: 75 * scale);
            using var session = await BenchEmulator.ConnectAsync(server, new RateLimitOptions(75 * scale, TimeSpan.FromSeconds(10)));
            var run = new RequestRun();
            await run.RunAsync(session, server.ProjectIds[1], count);
            var budget = PublishedRate * scale;
            Console.WriteLine($"== sequential: {count} requests, limit {75 * scale} / 10 s{Scaled(scale)}");
            Console.WriteLine($"   {run.Rate:0.00} requests/s = {run.Rate / budget:P1} of the budget's {budget:0.##}/s, server 429s {await BenchEmulator.ThrottledAsync(server)}, errors {run.Errors}, {(run.Completed.Last() - run.Started).TotalSeconds:0.0} s");
        }

        /// <summary>Several workers in this process (what ForEach-Object -Parallel runspaces do), one account.</summary>
        public static async Task ParallelAsync(int workers, int each, int scale)
        {
            await using var server = await BenchEmulator.StartAsync(devices: 20, projects: 2, rateLimit: 75 * scale);
            var sessions = new List<IotSession>();
            for (var i = 0; i < workers; i++) sessions.Add(await BenchEmulator.ConnectAsync(server, new RateLimitOptions(75 * scale, TimeSpan.FromSeconds(10))));
            var runs = sessions.Select(_ => new RequestRun()).ToList();
            await Task.WhenAll(runs.Select((r, i) => Task.Run(() => r.RunAsync(sessions[i], server.ProjectIds[1], each))));
            var start = runs.Min(r => r.Started);
            var end = runs.Max(r => r.Completed.Last());
            Report($"== parallel: {workers} workers in one process x {each} requests, one account, limit {75 * scale} / 10 s{Scaled(scale)}", workers * each, (end - start).TotalSeconds, await BenchEmulator.ThrottledAsync(server), scale);
            sessions.ForEach(s => s.Dispose());
        }

        /// <summary>Separate processes of one account, with the shared state file and without it (adaptive budget alone).</summary>
        public static async Task ProcessesAsync(int processes, int each, int scale)
        {
            foreach (var shared in new[] { true, false })
            {
                await using var server = await BenchEmulator.StartAsync(devices: 20, projects: 2, rateLimit: 75 * scale);
                var children = Enumerable.Range(0, processes).Select(_ => StartChild(server, each, scale, shared)).ToList();
                var results = new List<(DateTimeOffset Start, DateTimeOffset End)>();
                foreach (var child in children)
                {
                    var lines = (await child.StandardOutput.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
                    await child.WaitForExitAsync();
                    var done = lines.LastOrDefault(l => l.StartsWith("done ", StringComparison.Ordinal)) ?? throw new InvalidOperationException("a client process failed: " + string.Join(" | ", lines) + (await child.StandardError.ReadToEndAsync()));
                    var parts = done.Split(' ');
                    results.Add((new DateTimeOffset(long.Parse(parts[1], CultureInfo.InvariantCulture), TimeSpan.Zero), new DateTimeOffset(long.Parse(parts[2], CultureInfo.InvariantCulture), TimeSpan.Zero)));
                }

                var seconds = (results.Max(r => r.End) - results.Min(r => r.Start)).TotalSeconds;
                Report($"== processes: {processes} processes x {each} requests, one account, limit {75 * scale} / 10 s{Scaled(scale)}, {(shared ? "shared state file" : "state per process (adaptive budget alone)")}", processes * each, seconds, await BenchEmulator.ThrottledAsync(server), scale);
            }
        }

        /// <summary>The child side of <see cref="ProcessesAsync"/>: connects from the environment, sends, prints its times.</summary>
        public static async Task<int> ClientAsync()
        {
            string Env(string name) => Environment.GetEnvironmentVariable(name) ?? throw new InvalidOperationException(name + " is not set.");
            var scale = int.Parse(Env("IOTADMIN_BENCH_SCALE"), CultureInfo.InvariantCulture);
            using var session = await BenchEmulator.ConnectAsync(Env("IOTADMIN_BENCH_ROOT"), Env("IOTADMIN_BENCH_TOKEN"), Env("IOTADMIN_BENCH_KEY"), Env("IOTADMIN_BENCH_SECRET"), Env("IOTADMIN_BENCH_EMAIL"), new RateLimitOptions(75 * scale, TimeSpan.FromSeconds(10)));
            var run = new RequestRun();
            await run.RunAsync(session, Env("IOTADMIN_BENCH_PROJECT"), int.Parse(Env("IOTADMIN_BENCH_COUNT"), CultureInfo.InvariantCulture));
            Console.WriteLine($"done {run.Started.UtcTicks} {run.Completed.Last().UtcTicks} {run.Context.Counters.ServerThrottled} {run.Errors}");
            return 0;
        }

        /// <summary>The emulator at 25 per 5 s while the client believes 75 per 10 s; then switched back.</summary>
        public static async Task AdaptiveAsync(TimeSpan lowPhase, TimeSpan highPhase)
        {
            await using var server = await BenchEmulator.StartAsync(devices: 20, projects: 2, rateLimit: 75);
            await BenchEmulator.SetRateLimitAsync(server, 25, 5);
            using var session = await BenchEmulator.ConnectAsync(server, RateLimitOptions.Default);
            Console.WriteLine($"== adaptive: the emulator allows 25 / 5 s, the client believes 75 / 10 s; {lowPhase.TotalSeconds:0} s, then 75 / 10 s for {highPhase.TotalSeconds:0} s");
            var low = new RequestRun();
            await low.RunAsync(session, server.ProjectIds[1], int.MaxValue, lowPhase);
            var tail = TimeSpan.FromSeconds(Math.Min(60, lowPhase.TotalSeconds / 2));
            var tailStart = low.Completed.Last() - tail;
            var lastThrottle = low.Throttled.Count > 0 ? (low.Throttled.Last() - low.Started).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s" : "never";
            Console.WriteLine($"   at 25 / 5 s: server 429s {low.Throttled.Count} (last after {lastThrottle}); last {tail.TotalSeconds:0} s: {low.RateBetween(tailStart, low.Completed.Last()):0.00} requests/s = {low.RateBetween(tailStart, low.Completed.Last()) / 5:P0} of 5/s, 429s in it {low.Throttled.Count(t => t >= tailStart)}; learned budget {session.RateLimitBudget} per 10.1 s; errors {low.Errors}");
            await BenchEmulator.SetRateLimitAsync(server, 75, 10);
            var high = new RequestRun();
            await high.RunAsync(session, server.ProjectIds[1], int.MaxValue, highPhase);
            var recovered = high.FirstFullWindow(high.Started, TimeSpan.FromSeconds(10), 0.9 * 75);
            var lastTail = high.Completed.Last() - TimeSpan.FromSeconds(20);
            Console.WriteLine($"   back at 75 / 10 s: server 429s {high.Throttled.Count}; first 10 s window at >= 90 % of 7.5/s after {(recovered.HasValue ? (recovered.Value - high.Started).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s" : "(not within the phase)")}; last 20 s {high.RateBetween(lastTail, high.Completed.Last()):0.00} requests/s; learned budget {session.RateLimitBudget} per 10.1 s");
        }

        private static void Report(string title, int requests, double seconds, int throttled, int scale)
        {
            var budget = PublishedRate * scale;
            Console.WriteLine(title);
            Console.WriteLine($"   {requests} requests in {seconds:0.0} s = {requests / seconds:0.00} requests/s = {requests / seconds / budget:P1} of the budget's {budget:0.##}/s; server 429s {throttled} = {(double)throttled / requests:P2} of the requests");
        }

        private static string Scaled(int scale) => scale == 1 ? " (the real limit)" : $" (the real limit x {scale}: time runs {scale} times faster against it)";

        private static Process StartChild(EmulatorServer server, int count, int scale, bool shared)
        {
            var self = Environment.ProcessPath!;
            var info = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            if (System.IO.Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase)) info.ArgumentList.Add(typeof(RateBudgetBench).Assembly.Location);
            info.ArgumentList.Add("client");
            info.Environment["IOTADMIN_BENCH_ROOT"] = server.ApiRoot.AbsoluteUri;
            info.Environment["IOTADMIN_BENCH_TOKEN"] = server.TokenEndpoint.AbsoluteUri;
            info.Environment["IOTADMIN_BENCH_KEY"] = server.Credentials.KeyId;
            info.Environment["IOTADMIN_BENCH_SECRET"] = server.Credentials.Secret;
            info.Environment["IOTADMIN_BENCH_EMAIL"] = server.Credentials.Email;
            info.Environment["IOTADMIN_BENCH_PROJECT"] = server.ProjectIds[1];
            info.Environment["IOTADMIN_BENCH_COUNT"] = count.ToString(CultureInfo.InvariantCulture);
            info.Environment["IOTADMIN_BENCH_SCALE"] = scale.ToString(CultureInfo.InvariantCulture);
            info.Environment["IOTADMIN_RATELIMIT_STATE"] = shared ? "file" : "process";
            return Process.Start(info)!;
        }

        /// <summary>Feeds every listed device into the bulk operation, as the PowerShell pipeline does.</summary>
        private sealed class ListingSink : Output.ICommandOutput
        {
            private readonly BulkDeviceOperation _operation;
            private readonly Output.ICommandOutput _inner;

            public ListingSink(BulkDeviceOperation operation, Output.ICommandOutput inner)
            {
                _operation = operation;
                _inner = inner;
            }

            public void WriteObject(object item) => _operation.AddAsync(DeviceRef.FromDevice((IotDevice)item), _inner, CancellationToken.None).GetAwaiter().GetResult();

            public void WriteError(Output.IotErrorInfo error) => _inner.WriteError(error);

            public void WriteWarning(string message) => _inner.WriteWarning(message);

            public void WriteProgress(Output.IotProgress progress) => _inner.WriteProgress(progress);

            public void WriteInformation(object data, string[] tags) => _inner.WriteInformation(data, tags);

            public bool ShouldProcess(string target, string action) => true;

            public void Verbose(string message) => _inner.Verbose(message);

            public void Debug(string message) => _inner.Debug(message);
        }
    }
}
