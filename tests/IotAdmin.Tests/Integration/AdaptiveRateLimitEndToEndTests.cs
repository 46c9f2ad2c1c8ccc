using System;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Http;
using IotAdmin.Sessions;
using IotAdmin.Tests.Support;
using Xunit;

namespace IotAdmin.Tests.Integration
{
    /// <summary>
    /// The adaptive budget against the emulator over real HTTP: a server whose limit is lower than the client believes
    /// (set at run time through the control API) answers 429 a few times, the client lowers its learned budget, and
    /// every request still succeeds. The 429s are counted per account.
    /// </summary>
    [Collection(ThroughputCollection.Name)]
    public class AdaptiveRateLimitEndToEndTests
    {
        [Fact]
        public async Task A_server_with_a_smaller_limit_is_learned_and_every_request_succeeds()
        {
            await using var emulator = await Emulator.StartAsync(o => { o.RateLimit = 75; o.Devices = 10; });
            await emulator.SetRateLimitAsync(10, 1); // the client believes 30 per second
            var options = new IotSessionOptions { RateLimit = new RateLimitOptions(30, TimeSpan.FromSeconds(1)) };
            var output = new RecordingOutput();
            using var session = await emulator.ConnectAsync(options, output: output);
            var context = new ApiCallContext(output);
            for (var i = 0; i < 80; i++) await session.Backend.GetProjectAsync(emulator.Server.ProjectIds[1], context, CancellationToken.None);
            var stats = await emulator.StatsAsync();
            Assert.InRange(stats.Throttled, 1, 8);
            Assert.Equal(stats.Throttled, stats.ThrottledFor(emulator.Server.ServiceAccountId));
            Assert.Equal(stats.Throttled, context.Counters.ServerThrottled);
            Assert.True(session.RateLimitBudget < options.RateLimit.ClientLimit, "learned budget " + session.RateLimitBudget);
            Assert.Contains(output.VerboseMessages, m => m.Contains("The server answered 429: the client-side budget of this account is down to"));
        }

        [Fact]
        public async Task The_control_api_changes_the_limit_and_rejects_a_bad_one()
        {
            await using var emulator = await Emulator.StartAsync(o => { o.RateLimit = 75; o.RateWindowSeconds = 10; });
            await emulator.SetRateLimitAsync(2, 5);
            using var session = await emulator.ConnectAsync(TestSessions.Unlimited(maxAttempts: 1));
            var project = emulator.Server.ProjectIds[1];
            await session.Backend.GetProjectAsync(project, ApiCallContext.Silent(), CancellationToken.None);
            await session.Backend.GetProjectAsync(project, ApiCallContext.Silent(), CancellationToken.None);
            var e = await Assert.ThrowsAsync<IotApiException>(() => session.Backend.GetProjectAsync(project, ApiCallContext.Silent(), CancellationToken.None));
            Assert.Equal(429, e.StatusCode);
            Assert.Contains("at most 2 requests per 5 s", e.Message);
            Assert.InRange(e.RetryAfter!.Value.TotalSeconds, 1, 5);
            using var http = new HttpClient();
            using var bad = await http.PostAsync(new Uri(emulator.Server.BaseAddress, "_emulator/ratelimit"), new StringContent("{\"limit\":-3}", Encoding.UTF8, "application/json"));
            Assert.Equal(400, (int)bad.StatusCode);
            await emulator.ResetAsync(); // back to the command line's 75 per 10 s
            await session.Backend.GetProjectAsync(project, ApiCallContext.Silent(), CancellationToken.None);
        }
    }
}
