using System;
using System.Collections.Generic;
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
    /// The client-side limiter against the emulator's sliding window at a scaled limit (750 per 10 s), over real HTTP:
    /// zero server 429s and never more than the budget in any window. The rate it keeps is wall-clock throughput, which
    /// a loaded machine lowers: it is printed here and measured by bench/ (`sequential`, `parallel`), while the rule
    /// that no request waits while the window has room is asserted on the virtual clock (ClientRateLimiterTests).
    /// </summary>
    [Collection(ThroughputCollection.Name)]
    public class RateLimitEndToEndTests
    {
        private readonly ITestOutputHelper _log;

        public RateLimitEndToEndTests(ITestOutputHelper log) => _log = log;

        [Fact]
        public async Task Sequential_requests_under_a_scaled_limit_see_no_429_and_stay_within_every_window()
        {
            await using var emulator = await Emulator.StartAsync(o => { o.RateLimit = 750; o.Devices = 20; });
            using var session = await emulator.ConnectAsync(new IotSessionOptions { RateLimit = new RateLimitOptions(750, TimeSpan.FromSeconds(10)) });
            var times = await SendManyAsync(session, emulator, 2000);
            await AssertWithinBudgetAsync(emulator, times, 75);
        }

        [Fact]
        public async Task Four_parallel_workers_sharing_one_account_see_no_429_and_stay_within_every_window()
        {
            await using var emulator = await Emulator.StartAsync(o => { o.RateLimit = 750; o.Devices = 20; });
            var options = new IotSessionOptions { RateLimit = new RateLimitOptions(750, TimeSpan.FromSeconds(10)) };
            // What SharedRateLimiters does for every session of one (endpoint, key id) in a process.
            using var shared = new ClientRateLimiter(options.RateLimit!, TimeProvider.System);
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
            var gaps = times.Zip(times.Skip(1), (a, b) => (b - a).TotalMilliseconds).OrderByDescending(g => g).Take(8);
            _log.WriteLine("largest gaps ms: " + string.Join(", ", gaps.Select(g => g.ToString("0"))));
            Assert.Equal(0, stats.Throttled);
            Assert.True(maxInWindow <= budgetPerSecond * 10, "the client sent " + maxInWindow + " requests in one 10 s window");
        }
    }

    /// <summary>Tests that measure wall-clock throughput: run after the parallel collections, never beside them.</summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class ThroughputCollection
    {
        public const string Name = "throughput";
    }
}
