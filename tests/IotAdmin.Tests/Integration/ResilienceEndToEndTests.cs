using System;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Http;
using IotAdmin.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace IotAdmin.Tests.Integration
{
    /// <summary>
    /// Issue 4 end to end: seeded faults with short-lived tokens, server-side token expiry, connection resets and slow
    /// answers. The limiter against the emulator's sliding window is in <see cref="RateLimitEndToEndTests"/>.
    /// </summary>
    [Collection("resilience")]
    public class ResilienceEndToEndTests
    {
        private readonly ITestOutputHelper _log;

        public ResilienceEndToEndTests(ITestOutputHelper log) => _log = log;

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
            // Refresh 100 virtual seconds (1 s real) before expiry: the default 60 s is 0.6 s real at this scale, and a
            // loaded two-core machine has held a request that long, so the server saw an expired token (a 401 the
            // client then refreshed and retried correctly, but this test proves refresh happens *before* expiry).
            options.TokenRefreshMargin = TimeSpan.FromSeconds(100);
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
            await using var emulator = await Emulator.StartAsync(o => { o.TokenTtlSeconds = 300; o.TimeProvider = serverClock; o.Devices = 10; }); // 1.5 s real
            var output = new RecordingOutput();
            using var session = await emulator.ConnectAsync(output: output);
            await Task.Delay(2000); // 400 s on the server's clock: the token has expired there, and the new one lasts 1.5 s real
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
    }
}
