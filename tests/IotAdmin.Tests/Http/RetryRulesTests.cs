using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Http;
using IotAdmin.Operations;
using IotAdmin.Sessions;
using IotAdmin.Tests.Support;
using IotAdmin.Wire;
using Xunit;

namespace IotAdmin.Tests.Http
{
    /// <summary>
    /// The retry rules of error-model.md §2, on a virtual clock: every wait is measured in virtual time between the
    /// stub's recorded request times, so "504 waits ≥ 10 s" takes milliseconds.
    /// </summary>
    public class RetryRulesTests
    {
        private readonly FakeTimeProvider _time = new FakeTimeProvider();

        [Fact]
        public async Task Retries_500_with_exponential_backoff_from_one_second()
        {
            var stub = new StubHandler(_time).Then(500).Then(500).Then(503).Then(200);
            var (_, ctx) = await SendAsync(stub);
            Assert.Equal(4, stub.ApiRequestCount);
            Assert.Equal(new[] { 1.0, 2.0, 4.0 }, Gaps(stub));
            Assert.Equal(3, ctx.Counters.Retries);
        }

        [Fact]
        public async Task Retry_after_is_honoured_to_the_second()
        {
            var stub = new StubHandler(_time).Then(429, null, r => r.Headers.Add("Retry-After", "9")).Then(200);
            await SendAsync(stub);
            Assert.Equal(new[] { 9.0 }, Gaps(stub));
        }

        [Fact]
        public async Task Retry_after_http_date_is_honoured()
        {
            var stub = new StubHandler(_time).Then(429, null, r => r.Headers.Add("Retry-After", _time.GetUtcNow().AddSeconds(7).ToString("r"))).Then(200);
            await SendAsync(stub);
            Assert.Equal(7.0, Gaps(stub).Single(), 3);
        }

        [Fact]
        public async Task Gateway_timeout_waits_at_least_ten_seconds()
        {
            var stub = new StubHandler(_time).Then(504).Then(504).Then(200);
            await SendAsync(stub);
            Assert.Equal(new[] { 10.0, 20.0 }, Gaps(stub));
        }

        [Fact]
        public async Task Server_hint_longer_than_backoff_wins()
        {
            var stub = new StubHandler(_time).Then(503, null, r => r.Headers.Add("Retry-After", "5")).Then(200);
            await SendAsync(stub);
            Assert.Equal(new[] { 5.0 }, Gaps(stub));
        }

        [Theory]
        [InlineData(400, null)]
        [InlineData(403, null)]
        [InlineData(404, null)]
        [InlineData(409, "already exists")]
        [InlineData(501, null)]
        [InlineData(429, null)] // no Retry-After: quota, not throttling
        public async Task Does_not_retry_what_the_table_forbids(int status, string? message)
        {
            var body = message == null ? null : "{\"error\":\"" + message + "\",\"code\":" + status + ",\"help\":\"h\"}";
            var stub = new StubHandler(_time).Then(status, body).Then(200);
            var e = await Assert.ThrowsAsync<IotApiException>(() => SendAsync(stub));
            Assert.Equal(1, stub.ApiRequestCount);
            Assert.Equal(1, e.Attempts);
            Assert.False(e.IsRetryable);
        }

        [Fact]
        public async Task Retries_concurrent_change_409()
        {
            var stub = new StubHandler(_time).Then(409, "{\"error\":\"concurrent modification\",\"code\":409}").Then(200);
            await SendAsync(stub);
            Assert.Equal(2, stub.ApiRequestCount);
        }

        [Fact]
        public async Task Gives_up_after_max_attempts_and_reports_them()
        {
            var stub = new StubHandler(_time) { Fallback = () => StubHandler.Json(500, "{\"error\":\"boom\",\"code\":500}") };
            var e = await Assert.ThrowsAsync<IotApiException>(() => SendAsync(stub, TestSessions.Unlimited(maxAttempts: 3)));
            Assert.Equal(3, stub.ApiRequestCount);
            Assert.Equal(3, e.Attempts);
            Assert.Contains("(after 3 attempts)", e.Message);
        }

        [Fact]
        public async Task Retry_after_beyond_max_retry_delay_is_not_waited()
        {
            var options = TestSessions.Unlimited();
            options.MaxRetryDelay = TimeSpan.FromSeconds(30);
            var stub = new StubHandler(_time).Then(429, null, r => r.Headers.Add("Retry-After", "120")).Then(200);
            var output = new RecordingOutput();
            var e = await Assert.ThrowsAsync<IotApiException>(() => SendAsync(stub, options, output));
            Assert.Equal(TimeSpan.FromSeconds(120), e.RetryAfter);
            Assert.Equal(1, stub.ApiRequestCount);
            Assert.Contains(output.VerboseMessages, m => m.Contains("more than the session's MaxRetryDelay"));
        }

        [Fact]
        public async Task Total_retry_time_is_bounded()
        {
            var options = TestSessions.Unlimited(maxAttempts: 50);
            options.RetryTimeLimit = TimeSpan.FromSeconds(40);
            var stub = new StubHandler(_time) { Fallback = () => StubHandler.Json(503, "{}") };
            await Assert.ThrowsAsync<IotApiException>(() => SendAsync(stub, options));
            // 1 + 2 + 4 + 8 + 16 = 31 s of waits; the next (32 s) would pass 40 s.
            Assert.Equal(6, stub.ApiRequestCount);
        }

        [Fact]
        public async Task Unauthorized_forces_exactly_one_refresh_and_one_resend()
        {
            var stub = new StubHandler(_time).Then(401).Then(200);
            await SendAsync(stub);
            Assert.Equal(2, stub.ApiRequestCount);
            Assert.Equal(2, stub.TokenRequests.Count); // connect + forced refresh
            Assert.Equal("Bearer token-2", stub.Requests[1].Authorization);
        }

        [Fact]
        public async Task Second_unauthorized_is_an_authentication_error()
        {
            var stub = new StubHandler(_time).Then(401).Then(401).Then(200);
            var e = await Assert.ThrowsAsync<IotApiException>(() => SendAsync(stub));
            Assert.Equal(IotErrorCategory.AuthenticationError, e.Category);
            Assert.Equal(2, stub.ApiRequestCount);
            Assert.Equal(2, stub.TokenRequests.Count);
        }

        [Fact]
        public async Task Every_retry_is_reported_on_the_verbose_stream()
        {
            var stub = new StubHandler(_time).Then(503).Then(200);
            var output = new RecordingOutput();
            await SendAsync(stub, null, output);
            Assert.Contains(output.VerboseMessages, m => m.Contains("Retrying GET /v2/projects after HTTP 503 UNAVAILABLE (attempt 2 of 6); waiting 1 s."));
        }

        [Fact]
        public async Task Cancellation_during_a_wait_ends_promptly()
        {
            var stub = new StubHandler(_time).Then(429, null, r => r.Headers.Add("Retry-After", "30")).Then(200);
            var session = await TestSessions.ConnectAsync("http://127.0.0.1:1/v2", stub, _time, TestSessions.Unlimited());
            using var cts = new CancellationTokenSource();
            var call = session.Api.SendAsync(new ApiRequest(HttpMethod.Get, "projects"), WireJsonContext.Default.ProjectPage, ApiCallContext.Silent(), cts.Token);
            await Task.Delay(50);
            Assert.False(call.IsCompleted); // waiting 30 virtual seconds that never pass
            var sw = System.Diagnostics.Stopwatch.StartNew();
            cts.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
            Assert.True(sw.ElapsedMilliseconds < 500, "took " + sw.ElapsedMilliseconds + " ms");
            Assert.Equal(1, stub.ApiRequestCount);
        }

        [Fact]
        public async Task Client_timeout_is_an_operation_timeout_and_is_retried()
        {
            var options = TestSessions.Unlimited(maxAttempts: 2);
            options.RequestTimeout = TimeSpan.FromSeconds(5);
            var stub = new StubHandler(_time).Then(async (_, ct) =>
            {
                await Task.Delay(Timeout.Infinite, ct);
                return StubHandler.Json(200, "{}");
            }).Then(200);
            await SendAsync(stub, options);
            Assert.Equal(2, stub.ApiRequestCount);
            Assert.True(Gaps(stub).Single() >= 15, "5 s time-out + at least 10 s wait");
        }

        [Fact]
        public async Task Token_is_refreshed_a_minute_before_expiry()
        {
            var stub = new StubHandler(_time) { TokenLifetimeSeconds = 3600 };
            var session = await TestSessions.ConnectAsync("http://127.0.0.1:1/v2", stub, _time, TestSessions.Unlimited());
            await Send(session);
            _time.Advance(TimeSpan.FromSeconds(3600 - 61));
            await Send(session);
            Assert.Single(stub.TokenRequests);
            _time.Advance(TimeSpan.FromSeconds(2)); // 59 s left
            await Send(session);
            Assert.Equal(2, stub.TokenRequests.Count);
            Assert.All(stub.Requests, r => Assert.StartsWith("Bearer token-", r.Authorization));
        }

        [Fact]
        public async Task Parallel_callers_share_one_refresh()
        {
            var stub = new StubHandler(_time) { TokenLifetimeSeconds = 120 };
            var session = await TestSessions.ConnectAsync("http://127.0.0.1:1/v2", stub, _time, TestSessions.Unlimited());
            _time.Advance(TimeSpan.FromSeconds(100));
            await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => Send(session))));
            Assert.Equal(2, stub.TokenRequests.Count);
        }

        private async Task<(ProjectPage Page, ApiCallContext Context)> SendAsync(StubHandler stub, IotSessionOptions? options = null, RecordingOutput? output = null)
        {
            var session = await TestSessions.ConnectAsync("http://127.0.0.1:1/v2", stub, _time, options ?? TestSessions.Unlimited(), output: output);
            var ctx = new ApiCallContext(output ?? new RecordingOutput());
            var page = await _time.RunAsync(session.Api.SendAsync(new ApiRequest(HttpMethod.Get, "projects"), WireJsonContext.Default.ProjectPage, ctx, CancellationToken.None));
            return (page, ctx);
        }

        private Task<ProjectPage> Send(IotSession session) =>
            session.Api.SendAsync(new ApiRequest(HttpMethod.Get, "projects"), WireJsonContext.Default.ProjectPage, ApiCallContext.Silent(), CancellationToken.None);

        private static double[] Gaps(StubHandler stub) =>
            stub.Requests.Zip(stub.Requests.Skip(1), (a, b) => (b.At - a.At).TotalSeconds).ToArray();
    }
}
