using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Http;
using IotAdmin.Sessions;
using IotAdmin.Tests.Http;
using IotAdmin.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace IotAdmin.Tests.Integration
{
    /// <summary>
    /// Issue 4 end to end: the client-side limiter against the emulator's sliding window, seeded faults with short-lived
    /// tokens, server-side token expiry, connection resets and slow answers.
    /// </summary>
    [Collection("resilience")]
    public class ResilienceEndToEndTests
    {
        private readonly ITestOutputHelper _log;

        public ResilienceEndToEndTests(ITestOutputHelper log) => _log = log;

        [Fact]
        public async Task Sequential_requests_under_a_scaled_limit_see_no_429()
        {
            await using var emulator = await Emulator.StartAsync(o => { o.RateLimit = 750; o.Devices = 20; });
            using var session = await emulator.ConnectAsync(new IotSessionOptions { RateLimit = new RateLimitOptions(750, TimeSpan.FromSeconds(10)) });
            var times = await SendManyAsync(session, emulator, 2000);
            await AssertWithinBudgetAsync(emulator, times, 75);
        }

        [Fact]
        public async Task Four_parallel_workers_sharing_one_account_see_no_429()
        {
            await using var emulator = await Emulator.StartAsync(o => { o.RateLimit = 750; o.Devices = 20; });
            var options = new IotSessionOptions { RateLimit = new RateLimitOptions(750, TimeSpan.FromSeconds(10)) };
            // What SharedRateLimiters does for every session of one (endpoint, key id) in a process.
            using var shared = new ClientRateLimiter(options.RateLimit, TimeProvider.System);
            var sessions = new List<IotSession>();
            for (var i = 0; i < 4; i++)
            {
                sessions.Add(await IotSession.ConnectAsync(emulator.ApiRoot, emulator.Server.TokenEndpoint.AbsoluteUri, emulator.Credential(), options, ApiCallContext.Silent(),
                    new SessionDependencies { Limiter = shared }, CancellationToken.None));
            }

            var all = await Task.WhenAll(sessions.Select(s => Task.Run(() => SendManyAsync(s, emulator, 500))));
            await AssertWithinBudgetAsync(emulator, all.SelectMany(t => t).OrderBy(t => t).ToList(), 75);
            sessions.ForEach(s => s.Dispose());
        }

        [Fact]
        public async Task Seeded_faults_and_short_tokens_never_reach_the_caller()
        {
            var clock = new ScaledTimeProvider(100); // 1 s of backoff = 10 ms; a 120 s token = 1.2 s
            await using var emulator = await Emulator.StartAsync(o =>
            {
                o.FaultRate = 0.1;
                o.FaultStatuses = new[] { 500, 503 };
                o.TokenTtlSeconds = 120;
                o.Seed = 42;
                o.Devices = 20;
                o.TimeProvider = clock;
            });
            var options = TestSessions.Unlimited(maxAttempts: 8);
            options.RequestTimeout = TimeSpan.FromHours(1);
            using var session = await emulator.ConnectAsync(options, clock);
            var context = ApiCallContext.Silent();
            var project = emulator.Server.ProjectIds[1];
            for (var i = 0; i < 3000; i++) await session.Backend.GetProjectAsync(project, context, CancellationToken.None);

            var stats = await emulator.StatsAsync();
            _log.WriteLine(stats.ToString());
            Assert.InRange(stats.FaultsInjected, 200, 500);
            Assert.Equal(stats.FaultsInjected, stats.ByStatus(500) + stats.ByStatus(503));
            Assert.Equal(3000, stats.ByRoute("GET /v2/projects/{p}") - stats.FaultsInjected); // every fault was followed by a retry that succeeded
            Assert.Equal(stats.FaultsInjected, context.Counters.Retries);
            Assert.Equal(0, stats.ByStatus(401));
            Assert.True(session.TokensFetched >= 4, "tokens fetched: " + session.TokensFetched);
        }

        [Fact]
        public async Task A_token_the_server_expired_early_is_refreshed_once_and_the_call_succeeds()
        {
            var serverClock = new ScaledTimeProvider(200); // the server's tokens die 200× faster than the client thinks
            await using var emulator = await Emulator.StartAsync(o => { o.TokenTtlSeconds = 120; o.TimeProvider = serverClock; o.Devices = 10; });
            var output = new RecordingOutput();
            using var session = await emulator.ConnectAsync(output: output);
            await Task.Delay(800); // 160 s on the server's clock: the token has expired there
            await session.Backend.GetProjectAsync(emulator.Server.ProjectIds[1], new ApiCallContext(output), CancellationToken.None);
            var stats = await emulator.StatsAsync();
            Assert.Equal(1, stats.ByStatus(401));
            Assert.Equal(2, session.TokensFetched);
            Assert.Contains(output.VerboseMessages, m => m.Contains("answered 401; refreshing the access token"));
        }

        [Fact]
        public async Task Connection_resets_and_slow_answers_are_retried()
        {
            var clock = new ScaledTimeProvider(20);
            await using var emulator = await Emulator.StartAsync(o => { o.TimeProvider = clock; o.Devices = 10; });
            var options = TestSessions.Unlimited();
            options.RequestTimeout = TimeSpan.FromSeconds(20); // 1 s real: a loaded machine still answers a normal call in time
            var output = new RecordingOutput();
            using var session = await emulator.ConnectAsync(options, clock, output);
            await session.Backend.GetProjectAsync(emulator.Server.ProjectIds[1], ApiCallContext.Silent(), CancellationToken.None); // warm connection
            await emulator.AddFaultAsync(new { method = "GET", path = "/v2/projects/*", kind = "reset", count = 1 });
            await emulator.AddFaultAsync(new { method = "GET", path = "/v2/projects/*", kind = "delay", delayMs = 60_000, count = 1 });
            var context = new ApiCallContext(output);
            var project = await session.Backend.GetProjectAsync(emulator.Server.ProjectIds[1], context, CancellationToken.None);
            Assert.Equal(emulator.Server.ProjectIds[1], project.ProjectId);
            foreach (var m in output.VerboseMessages) _log.WriteLine(m);
            Assert.Equal(2, context.Counters.Retries);
            Assert.Contains(output.VerboseMessages, m => m.Contains("after CONNECTION_FAILED (attempt 2 of 6); waiting 1 s."));
            var timeoutRetry = Assert.Single(output.VerboseMessages, m => m.Contains("after CLIENT_TIMEOUT"));
            var wait = int.Parse(System.Text.RegularExpressions.Regex.Match(timeoutRetry, @"waiting (\d+) s").Groups[1].Value);
            Assert.True(wait >= 10, "a client time-out waits like a 504: at least 10 s, not " + wait);
        }

        private static async Task<List<DateTimeOffset>> SendManyAsync(IotSession session, Emulator emulator, int count)
        {
            var times = new List<DateTimeOffset>(count);
            var project = emulator.Server.ProjectIds[1];
            var context = ApiCallContext.Silent();
            for (var i = 0; i < count; i++)
            {
                await session.Backend.GetProjectAsync(project, context, CancellationToken.None);
                times.Add(DateTimeOffset.UtcNow);
            }

            return times;
        }

        private async Task AssertWithinBudgetAsync(Emulator emulator, List<DateTimeOffset> times, double budgetPerSecond)
        {
            var stats = await emulator.StatsAsync();
            var rate = (times.Count - 1) / (times.Last() - times.First()).TotalSeconds;
            var maxInWindow = ClientRateLimiterTests.MaxInAnyWindow(times, TimeSpan.FromSeconds(10));
            _log.WriteLine("{0} requests, {1:0.0}/s (budget {2}/s), server 429s {3}, max in any 10 s {4}", times.Count, rate, budgetPerSecond, stats.Throttled, maxInWindow);
            Assert.Equal(0, stats.Throttled);
            Assert.True(maxInWindow <= budgetPerSecond * 10, "the client sent " + maxInWindow + " requests in one 10 s window");
            // How close to the budget the limiter runs is a speed figure: bench/ prints it, and the fake-clock
            // ClientRateLimiterTests pin it; wall-clock throughput depends on the machine's load.
        }
    }
}
