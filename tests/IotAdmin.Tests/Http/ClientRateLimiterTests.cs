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
    /// <summary>The sliding-window limiter on a virtual clock: burst, window, margin, sharing, cancellation.</summary>
    public class ClientRateLimiterTests
    {
        private static readonly TimeSpan ServerWindow = TimeSpan.FromSeconds(10);

        private readonly FakeTimeProvider _time = new FakeTimeProvider();

        [Fact]
        public void Default_budget_is_the_published_rule_less_a_small_margin()
        {
            var o = RateLimitOptions.Default;
            Assert.Equal(75, o.RequestsPerWindow);
            Assert.Equal(74, o.ClientLimit);
            Assert.Equal(TimeSpan.FromSeconds(10.1), o.ClientWindow);
            Assert.True(o.AverageRate >= 0.97 * 7.5, "a long job averages " + o.AverageRate + "/s");
        }

        [Fact]
        public async Task A_job_within_the_budget_is_never_delayed()
        {
            using var limiter = new ClientRateLimiter(RateLimitOptions.Default, _time);
            for (var i = 0; i < 74; i++) Assert.Equal(TimeSpan.Zero, await limiter.AcquireAsync(ApiCallContext.Silent().Log, CancellationToken.None));
        }

        [Fact]
        public async Task The_request_after_a_full_window_waits_until_the_first_leaves_it()
        {
            using var limiter = new ClientRateLimiter(RateLimitOptions.Default, _time);
            var start = _time.GetUtcNow();
            var times = await _time.RunAsync(AcquireManyAsync(limiter, 75));
            Assert.All(times.Take(74), t => Assert.Equal(start, t));
            Assert.Equal(start + TimeSpan.FromSeconds(10.1), times[74]);
        }

        [Fact]
        public async Task A_wait_for_the_window_says_why_and_until_when()
        {
            using var limiter = new ClientRateLimiter(RateLimitOptions.Default, _time);
            await AcquireManyAsync(limiter, 74);
            _time.Advance(TimeSpan.FromSeconds(9.5)); // 0.6 s left: a moment, not worth a line
            var log = new RecordingOutput();
            await _time.RunAsync(limiter.AcquireAsync(log, CancellationToken.None));
            Assert.Empty(log.VerboseMessages);
            // At 10.1 s the first window's requests have left it: 73 more go at once, the next waits until 20.2 s.
            for (var i = 0; i < 73; i++) await limiter.AcquireAsync(log, CancellationToken.None);
            await _time.RunAsync(limiter.AcquireAsync(log, CancellationToken.None));
            Assert.Equal("Waiting 10.1 s, until 12:00:21 UTC, for the client-side rate limit of this account: the budget of 74 requests per 10.1 s (the configured budget) is used up in the current window.", Assert.Single(log.VerboseMessages));
        }

        [Fact]
        public async Task A_long_job_keeps_the_sliding_window_and_the_full_rate()
        {
            using var limiter = new ClientRateLimiter(RateLimitOptions.Default, _time);
            var times = await _time.RunAsync(AcquireManyAsync(limiter, 600));
            Assert.True(MaxInAnyWindow(times, ServerWindow) <= 74);
            // Measured from the first request to the moment the window would admit the next one.
            var rate = times.Count / (times.Last() - times.First() + TimeSpan.FromSeconds(10.1) / 74).TotalSeconds;
            Assert.True(rate >= 0.97 * 7.5, "rate " + rate);
        }

        [Fact]
        public async Task The_margins_are_configurable()
        {
            using var limiter = new ClientRateLimiter(new RateLimitOptions(75, ServerWindow, marginRequests: 0, marginTime: TimeSpan.Zero), _time);
            var start = _time.GetUtcNow();
            var times = await _time.RunAsync(AcquireManyAsync(limiter, 76));
            Assert.Equal(75, times.Count(t => t == start));
            Assert.Equal(start + ServerWindow, times[75]);
        }

        [Fact]
        public async Task Parallel_callers_share_the_budget()
        {
            using var limiter = new ClientRateLimiter(RateLimitOptions.Default, _time);
            var all = Task.WhenAll(Enumerable.Range(0, 4).Select(_ => AcquireManyAsync(limiter, 60)));
            var results = await _time.RunAsync(all);
            var times = results.SelectMany(t => t).OrderBy(t => t).ToList();
            Assert.Equal(240, times.Count);
            Assert.True(MaxInAnyWindow(times, ServerWindow) <= 74);
        }

        [Fact]
        public async Task Zero_budget_turns_the_limiter_off()
        {
            using var limiter = new ClientRateLimiter(new RateLimitOptions(0, ServerWindow), _time);
            for (var i = 0; i < 1000; i++) Assert.Equal(TimeSpan.Zero, await limiter.AcquireAsync(ApiCallContext.Silent().Log, CancellationToken.None));
            Assert.Equal(0, limiter.Budget);
        }

        [Fact]
        public async Task Waiting_for_a_permit_is_cancellable()
        {
            using var limiter = new ClientRateLimiter(RateLimitOptions.Default, _time);
            await AcquireManyAsync(limiter, 74);
            using var cts = new CancellationTokenSource();
            var waiting = limiter.AcquireAsync(ApiCallContext.Silent().Log, cts.Token);
            Assert.False(waiting.IsCompleted);
            cts.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        }

        [Fact]
        public async Task Cancelled_waiters_give_their_slots_back()
        {
            using var limiter = new ClientRateLimiter(RateLimitOptions.Default, _time);
            var start = _time.GetUtcNow();
            await AcquireManyAsync(limiter, 74);
            using (var cts = new CancellationTokenSource())
            {
                // Ten waiters reserve the next window's first slots, then give up (Ctrl+C).
                var waiting = Enumerable.Range(0, 10).Select(_ => limiter.AcquireAsync(ApiCallContext.Silent().Log, cts.Token)).ToList();
                cts.Cancel();
                foreach (var w in waiting) await Assert.ThrowsAnyAsync<OperationCanceledException>(() => w);
            }

            _time.Advance(TimeSpan.FromSeconds(10.1));
            // The whole next window is free again: nobody waits for slots the cancelled callers never used.
            for (var i = 0; i < 74; i++) Assert.Equal(TimeSpan.Zero, await limiter.AcquireAsync(ApiCallContext.Silent().Log, CancellationToken.None));
            Assert.Equal(start + TimeSpan.FromSeconds(10.1), _time.GetUtcNow());
        }

        [Fact]
        public void As_a_RateLimiter_it_reports_retry_after_when_the_window_is_full()
        {
            using var limiter = new ClientRateLimiter(new RateLimitOptions(3, TimeSpan.FromSeconds(2), marginRequests: 0, marginTime: TimeSpan.Zero), _time);
            var strl = limiter.RateLimiter!;
            for (var i = 0; i < 3; i++) Assert.True(strl.AttemptAcquire().IsAcquired);
            Assert.Equal(0, strl.GetStatistics()!.CurrentAvailablePermits);
            var refused = strl.AttemptAcquire();
            Assert.False(refused.IsAcquired);
            Assert.True(refused.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var retryAfter));
            Assert.Equal(TimeSpan.FromSeconds(2), retryAfter);
            _time.Advance(TimeSpan.FromSeconds(2));
            Assert.True(strl.AttemptAcquire().IsAcquired);
        }

        [Theory]
        [InlineData(-1, 10)]
        [InlineData(75, 0)]
        public void Bad_options_are_rejected(int requests, int windowSeconds)
        {
            Assert.ThrowsAny<ArgumentException>(() => new RateLimitOptions(requests, TimeSpan.FromSeconds(windowSeconds)));
        }

        internal static async Task<List<DateTimeOffset>> AcquireManyAsync(ClientRateLimiter limiter, TimeProvider time, int count, TimeSpan spacing = default)
        {
            var times = new List<DateTimeOffset>();
            for (var i = 0; i < count; i++)
            {
                await limiter.AcquireAsync(ApiCallContext.Silent().Log, CancellationToken.None);
                times.Add(time.GetUtcNow());
                if (spacing > TimeSpan.Zero) await time.Delay(spacing);
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

        private Task<List<DateTimeOffset>> AcquireManyAsync(ClientRateLimiter limiter, int count, TimeSpan spacing = default) =>
            AcquireManyAsync(limiter, _time, count, spacing);
    }
}
