using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Http;
using IotAdmin.Tests.Support;
using Xunit;

namespace IotAdmin.Tests.Http
{
    /// <summary>What a server 429 does to the account's limiter, on a virtual clock: the capped pause and the learned budget.</summary>
    public class AdaptiveBudgetTests
    {
        private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(60);
        private static readonly TimeSpan Window = TimeSpan.FromSeconds(10.1);

        private readonly FakeTimeProvider _time = new FakeTimeProvider();
        private readonly RecordingOutput _log = new RecordingOutput();

        [Fact]
        public async Task A_429_pauses_everyone_for_retry_after_and_says_until_when()
        {
            using var limiter = new ClientRateLimiter(RateLimitOptions.Default, _time);
            var start = _time.GetUtcNow();
            limiter.OnThrottled(TimeSpan.FromSeconds(9), MaxRetryDelay, _log);
            Assert.Equal(start + TimeSpan.FromSeconds(9), limiter.PausedUntil);
            var waited = await _time.RunAsync(limiter.AcquireAsync(_log, CancellationToken.None));
            Assert.Equal(TimeSpan.FromSeconds(9), waited);
            Assert.Equal(start + TimeSpan.FromSeconds(9), _time.GetUtcNow());
            Assert.Contains(_log.VerboseMessages, m => m.StartsWith("Waiting 9 s, until 12:00:09 UTC", StringComparison.Ordinal) && m.Contains("Retry-After 9 s"));
        }

        [Fact]
        public async Task A_pause_never_exceeds_what_the_retry_rules_would_wait()
        {
            using var limiter = new ClientRateLimiter(RateLimitOptions.Default, _time);
            var start = _time.GetUtcNow();
            limiter.OnThrottled(TimeSpan.FromSeconds(86400), MaxRetryDelay, _log);
            var waited = await _time.RunAsync(limiter.AcquireAsync(_log, CancellationToken.None));
            Assert.Equal(MaxRetryDelay, waited);
            Assert.Equal(start + MaxRetryDelay, _time.GetUtcNow());
            Assert.Contains(_log.VerboseMessages, m => m.Contains("until 12:01:00 UTC") && m.Contains("Retry-After 86400 s") && m.Contains("MaxRetryDelay"));
        }

        [Fact]
        public async Task A_429_without_a_hint_pauses_one_second()
        {
            using var limiter = new ClientRateLimiter(RateLimitOptions.Default, _time);
            limiter.OnThrottled(null, MaxRetryDelay, _log);
            Assert.Equal(TimeSpan.FromSeconds(1), await _time.RunAsync(limiter.AcquireAsync(_log, CancellationToken.None)));
        }

        [Fact]
        public async Task Repeated_429s_lower_the_budget_multiplicatively_once_per_overload()
        {
            using var limiter = new ClientRateLimiter(RateLimitOptions.Default, _time);
            Assert.Equal(74, limiter.Budget);
            limiter.OnThrottled(TimeSpan.FromSeconds(5), MaxRetryDelay, _log);
            Assert.Equal(55, limiter.Budget); // 74 × 3/4
            Assert.Contains(_log.VerboseMessages, m => m.Contains("budget of this account is down to 55 requests per 10.1 s (configured 74)"));
            limiter.OnThrottled(TimeSpan.FromSeconds(5), MaxRetryDelay, _log); // an answer to a request sent before the pause
            Assert.Equal(55, limiter.Budget);
            await _time.RunAsync(limiter.AcquireAsync(_log, CancellationToken.None));
            limiter.OnThrottled(TimeSpan.FromSeconds(5), MaxRetryDelay, _log); // a new overload after the pause
            Assert.Equal(41, limiter.Budget); // 55.5 × 3/4
        }

        [Fact]
        public async Task A_429_free_period_raises_the_budget_additively_back_to_the_configured_one()
        {
            using var limiter = new ClientRateLimiter(RateLimitOptions.Default, _time);
            limiter.OnThrottled(TimeSpan.FromSeconds(1), MaxRetryDelay, _log);
            limiter.OnThrottled(TimeSpan.FromSeconds(1), MaxRetryDelay, _log);
            var budgets = new[] { limiter.Budget }.ToList();
            for (var w = 0; w < 12; w++)
            {
                _time.Advance(Window);
                await _time.RunAsync(limiter.AcquireAsync(_log, CancellationToken.None));
                budgets.Add(limiter.Budget);
            }

            // 55 after the 429; +7.4 per 429-free window, held at 85 % of the budget that drew the 429 (62.9) for six
            // windows after it, then on up to the configured 74.
            Assert.Equal(new[] { 55, 62, 62, 62, 62, 62, 70, 74, 74, 74, 74, 74, 74 }, budgets);
            Assert.Contains(_log.VerboseMessages, m => m.Contains("is up to 74 requests per 10.1 s (the configured budget)"));
        }

        [Fact]
        public async Task A_lowered_budget_spaces_requests_evenly()
        {
            using var limiter = new ClientRateLimiter(RateLimitOptions.Default, _time);
            limiter.OnThrottled(TimeSpan.FromSeconds(1), MaxRetryDelay, _log);
            var times = await _time.RunAsync(ClientRateLimiterTests.AcquireManyAsync(limiter, _time, 50));
            var gaps = times.Zip(times.Skip(1), (a, b) => b - a).ToList();
            // The virtual timers fire on whole milliseconds.
            Assert.All(gaps, g => Assert.True(g >= TimeSpan.FromTicks(Window.Ticks / 55) - TimeSpan.FromMilliseconds(1), "gap " + g));
            Assert.True(ClientRateLimiterTests.MaxInAnyWindow(times, TimeSpan.FromSeconds(5)) <= 28, "at most half the budget in half the window");
        }
    }
}
