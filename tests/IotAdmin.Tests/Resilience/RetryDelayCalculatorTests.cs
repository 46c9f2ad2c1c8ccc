using System;
using IotAdmin.Errors;
using IotAdmin.Resilience;
using IotAdmin.Sessions;
using Xunit;

namespace IotAdmin.Tests.Resilience
{
    /// <summary>The one delay rule every retry uses: backoff, the server's hint as a floor, jitter, MaxRetryDelay, RetryTimeLimit.</summary>
    public class RetryDelayCalculatorTests
    {
        private static readonly IotSessionOptions Options = new IotSessionOptions();

        private static IotApiException Unavailable(int? retryAfterSeconds = null) =>
            ErrorClassifier.FromResponse("GET", "/v2/projects", 503, "{}", retryAfterSeconds.HasValue ? TimeSpan.FromSeconds(retryAfterSeconds.Value) : (TimeSpan?)null);

        [Fact]
        public void Backoff_doubles_from_the_rules_minimum_up_to_the_cap()
        {
            var delays = new RetryDelayCalculator(Options, () => 0);
            Assert.Equal(TimeSpan.FromSeconds(1), delays.Next(0, Unavailable()));
            Assert.Equal(TimeSpan.FromSeconds(8), delays.Next(3, Unavailable()));
            Assert.Equal(Options.BackoffCap, delays.Next(10, Unavailable()));
            var timeout = ErrorClassifier.FromResponse("GET", "/v2/projects", 504, "{}", null);
            Assert.Equal(TimeSpan.FromSeconds(10), delays.Next(0, timeout));
        }

        [Fact]
        public void The_servers_hint_is_a_floor_and_jitter_only_lengthens()
        {
            var lowest = new RetryDelayCalculator(Options, () => 0);
            var highest = new RetryDelayCalculator(Options, () => 0.999);
            Assert.Equal(TimeSpan.FromSeconds(7), lowest.Next(0, Unavailable(7)));
            Assert.InRange(highest.Next(0, Unavailable(7)), TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7 * 1.2));
            Assert.InRange(highest.Next(2, Unavailable()), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(4 * 1.2));
        }

        [Fact]
        public void A_hint_beyond_max_retry_delay_or_a_wait_past_the_time_limit_is_refused()
        {
            var delays = new RetryDelayCalculator(Options, () => 0);
            Assert.Null(delays.Refusal(0, Unavailable(60), TimeSpan.Zero));
            Assert.Contains("more than the session's MaxRetryDelay of 60 s", delays.Refusal(0, Unavailable(86400), TimeSpan.Zero));
            Assert.Contains("RetryTimeLimit of 300 s would be exceeded", delays.Refusal(0, Unavailable(30), TimeSpan.FromSeconds(290)));
            Assert.Equal("it is not retryable", delays.Refusal(0, ErrorClassifier.FromResponse("GET", "/v2/projects", 404, "{}", null), TimeSpan.Zero));
        }

        [Fact]
        public void Jitter_never_takes_a_wait_past_max_retry_delay()
        {
            var options = new IotSessionOptions { MaxRetryDelay = TimeSpan.FromSeconds(20) };
            var delays = new RetryDelayCalculator(options, () => 0.999);
            Assert.Equal(TimeSpan.FromSeconds(20), delays.Next(10, Unavailable()));
            Assert.Equal(TimeSpan.FromSeconds(20), delays.Next(0, Unavailable(20)));
        }
    }
}
