using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Http;
using IotAdmin.Sessions;
using IotAdmin.Tests.Support;
using IotAdmin.Wire;
using Xunit;

namespace IotAdmin.Tests.Http
{
    /// <summary>How the HTTP pipeline uses the limiter: the permit before the token, and a 429 pauses the account (capped).</summary>
    public class LimiterOrderTests
    {
        private readonly FakeTimeProvider _time = new FakeTimeProvider();

        [Fact]
        public async Task The_token_is_taken_after_the_limiter_wait_so_it_cannot_expire_during_it()
        {
            var stub = new StubHandler(_time) { TokenLifetimeSeconds = 90 };
            var session = await TestSessions.ConnectAsync("http://127.0.0.1:1/v2", stub, _time);
            session.Api.Limiter.OnThrottled(TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(300), ApiCallContext.Silent().Log);
            var paused = session.Api.Limiter.PausedUntil!.Value;
            await Send(session, ApiCallContext.Silent());
            var sent = stub.Requests.Single();
            Assert.Equal(paused, sent.At);
            Assert.Equal(2, stub.TokenRequests.Count); // the first one expired during the wait
            Assert.True(stub.TokenRequests[1] >= paused, "the token was fetched before the limiter let the request go");
            Assert.Equal("Bearer " + stub.LastIssuedToken, sent.Authorization);
        }

        [Fact]
        public async Task A_429_with_a_day_long_hint_fails_at_once_and_pauses_later_calls_only_for_max_retry_delay()
        {
            var stub = new StubHandler(_time).Then(429, null, r => r.Headers.Add("Retry-After", "86400"));
            var session = await TestSessions.ConnectAsync("http://127.0.0.1:1/v2", stub, _time);
            var failedAt = _time.GetUtcNow();
            var e = await Assert.ThrowsAsync<IotApiException>(() => Send(session, ApiCallContext.Silent()));
            Assert.Equal(TimeSpan.FromSeconds(86400), e.RetryAfter);
            Assert.Equal(failedAt, _time.GetUtcNow()); // no wait at all for the failing call
            var output = new RecordingOutput();
            var context = new ApiCallContext(output);
            await Send(session, context);
            Assert.Equal(failedAt + session.Options.MaxRetryDelay, stub.Requests.Last().At);
            Assert.Equal(session.Options.MaxRetryDelay, context.Counters.LimiterWait);
            Assert.Contains(output.VerboseMessages, m => m.Contains("Retry-After 86400 s") && m.Contains("until 12:01:00 UTC"));
        }

        private Task<ProjectPage> Send(IotSession session, ApiCallContext context) =>
            _time.RunAsync(session.Api.SendAsync(new ApiRequest(HttpMethod.Get, "projects"), WireJsonContext.Default.ProjectPage, context, CancellationToken.None));
    }
}
