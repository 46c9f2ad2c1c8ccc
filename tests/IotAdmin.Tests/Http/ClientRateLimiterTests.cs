using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Http;
using IotAdmin.Tests.Support;
using Xunit;

namespace IotAdmin.Tests.Http
{
    public class ClientRateLimiterTests
    {
        private readonly FakeTimeProvider _time = new FakeTimeProvider();

        [Fact]
        public void Default_budget_leaves_headroom_under_the_server_window()
        {
            var o = RateLimitOptions.Default;
            Assert.Equal(75, o.RequestsPerWindow);
            Assert.True(o.Burst + (o.RequestsPerSecond * o.Window.TotalSeconds) <= 75 - 1, "burst + rate × window must stay under the window");
            Assert.InRange(o.RequestsPerSecond, 0.9 * 7.5, 7.5);
        }

        [Fact]
        public async Task Sequential_requests_never_exceed_the_sliding_window_and_keep_the_rate()
        {
            using var limiter = new ClientRateLimiter(RateLimitOptions.Default, _time);
            var times = await _time.RunAsync(AcquireManyAsync(limiter, 300));
            Assert.True(MaxInAnyWindow(times, TimeSpan.FromSeconds(10)) <= 75);
            var rate = (times.Count - 1) / (times.Last() - times.First()).TotalSeconds;
            Assert.InRange(rate, 0.9 * 7.5, 7.5);
        }

        [Fact]
        public async Task Parallel_callers_share_the_budget()
        {
            using var limiter = new ClientRateLimiter(RateLimitOptions.Default, _time);
            var all = Task.WhenAll(Enumerable.Range(0, 4).Select(_ => AcquireManyAsync(limiter, 60)));
            var results = await _time.RunAsync(all);
            var times = results.SelectMany(t => t).OrderBy(t => t).ToList();
            Assert.Equal(240, times.Count);
            Assert.True(MaxInAnyWindow(times, TimeSpan.FromSeconds(10)) <= 75);
        }

        [Fact]
        public async Task A_server_429_pauses_everyone_for_retry_after()
        {
            using var limiter = new ClientRateLimiter(RateLimitOptions.Default, _time);
            var start = _time.GetUtcNow();
            limiter.PauseFor(TimeSpan.FromSeconds(9));
            Assert.NotNull(limiter.PausedUntil);
            await _time.RunAsync(limiter.AcquireAsync(CancellationToken.None));
            Assert.True(_time.GetUtcNow() - start >= TimeSpan.FromSeconds(9));
        }

        [Fact]
        public async Task Zero_budget_turns_the_limiter_off()
        {
            using var limiter = new ClientRateLimiter(new RateLimitOptions(0, TimeSpan.FromSeconds(10)), _time);
            for (var i = 0; i < 1000; i++) Assert.Equal(TimeSpan.Zero, await limiter.AcquireAsync(CancellationToken.None));
        }

        [Fact]
        public async Task Waiting_for_a_permit_is_cancellable()
        {
            using var limiter = new ClientRateLimiter(RateLimitOptions.Default, _time);
            for (var i = 0; i < RateLimitOptions.Default.Burst; i++) await limiter.AcquireAsync(CancellationToken.None);
            using var cts = new CancellationTokenSource();
            var waiting = limiter.AcquireAsync(cts.Token);
            Assert.False(waiting.IsCompleted);
            cts.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        }

        [Fact]
        public void Token_bucket_reports_retry_after_when_empty()
        {
            using var bucket = new TimeProviderTokenBucket(burst: 3, permitsPerSecond: 2, _time);
            for (var i = 0; i < 3; i++) Assert.True(bucket.AttemptAcquire().IsAcquired);
            var refused = bucket.AttemptAcquire();
            Assert.False(refused.IsAcquired);
            Assert.True(refused.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var retryAfter));
            Assert.Equal(TimeSpan.FromSeconds(0.5), retryAfter);
            _time.Advance(TimeSpan.FromSeconds(0.5));
            Assert.True(bucket.AttemptAcquire().IsAcquired);
        }

        [Theory]
        [InlineData(-1, 10)]
        [InlineData(75, 0)]
        public void Bad_options_are_rejected(int requests, int windowSeconds)
        {
            Assert.ThrowsAny<ArgumentException>(() => new RateLimitOptions(requests, TimeSpan.FromSeconds(windowSeconds)));
        }

        private async Task<List<DateTimeOffset>> AcquireManyAsync(ClientRateLimiter limiter, int count)
        {
            var times = new List<DateTimeOffset>();
            for (var i = 0; i < count; i++)
            {
                await limiter.AcquireAsync(CancellationToken.None);
                times.Add(_time.GetUtcNow());
            }

            return times;
        }

        internal static int MaxInAnyWindow(IReadOnlyList<DateTimeOffset> sorted, TimeSpan window)
        {
            var max = 0;
            var start = 0;
            for (var end = 0; end < sorted.Count; end++)
            {
                while (sorted[end] - sorted[start] >= window) start++;
                max = Math.Max(max, end - start + 1);
            }

            return max;
        }
    }
}
