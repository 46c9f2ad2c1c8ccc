using System;
using IotAdmin.Errors;
using IotAdmin.Sessions;

namespace IotAdmin.Resilience
{
    /// <summary>
    /// The one delay rule of every retry: exponential backoff from the failure's minimum (1 s; 10 s after a time-out),
    /// doubling up to BackoffCap, up to +20 % jitter, never less than the server's hint (Retry-After, RetryInfo), never
    /// more than MaxRetryDelay, and no retry that would take the whole call past RetryTimeLimit.
    /// </summary>
    internal sealed class RetryDelayCalculator
    {
        private readonly IotSessionOptions _options;
        private readonly Func<double> _random;

        public RetryDelayCalculator(IotSessionOptions options, Func<double>? random = null)
        {
            _options = options;
            _random = random ?? DefaultRandom;
        }

        /// <summary>Why <paramref name="failure"/> may not be retried now (in words), or null when it may.</summary>
        /// <param name="retryIndex">0 for the first retry.</param>
        /// <param name="failure">The failure to judge.</param>
        /// <param name="elapsed">Time since the first attempt began.</param>
        public string? Refusal(int retryIndex, IotApiException failure, TimeSpan elapsed)
        {
            if (!failure.IsRetryable) return "it is not retryable";
            if (failure.RetryAfter > _options.MaxRetryDelay)
                return "the server asks for a " + ErrorClassifier.Seconds(failure.RetryAfter.Value) + " wait, more than the session's MaxRetryDelay of " + ErrorClassifier.Seconds(_options.MaxRetryDelay);
            if (elapsed + Unjittered(retryIndex, failure) > _options.RetryTimeLimit)
                return "the session's RetryTimeLimit of " + ErrorClassifier.Seconds(_options.RetryTimeLimit) + " would be exceeded";
            return null;
        }

        /// <summary>The wait before retry <paramref name="retryIndex"/>: jitter only lengthens it, so the server's floor holds.</summary>
        public TimeSpan Next(int retryIndex, IotApiException failure)
        {
            var wait = Unjittered(retryIndex, failure);
            var jittered = TimeSpan.FromMilliseconds(wait.TotalMilliseconds * (1 + (0.2 * _random())));
            var ceiling = Max(_options.MaxRetryDelay, failure.RetryAfter ?? TimeSpan.Zero);
            return jittered > ceiling ? Max(wait, ceiling) : jittered;
        }

        private TimeSpan Unjittered(int retryIndex, IotApiException failure)
        {
            var start = failure.Rule.MinimumWait > TimeSpan.Zero ? failure.Rule.MinimumWait : TimeSpan.FromSeconds(1);
            var exponential = start.TotalMilliseconds * Math.Pow(2, Math.Min(retryIndex, 20));
            var capped = TimeSpan.FromMilliseconds(Math.Min(exponential, Math.Max(_options.BackoffCap.TotalMilliseconds, start.TotalMilliseconds)));
            var floored = Max(capped, failure.RetryAfter ?? TimeSpan.Zero);
            return floored > _options.MaxRetryDelay ? Max(_options.MaxRetryDelay, failure.RetryAfter ?? TimeSpan.Zero) : floored;
        }

        private static TimeSpan Max(TimeSpan a, TimeSpan b) => a >= b ? a : b;

        private static double DefaultRandom()
        {
#if NET6_0_OR_GREATER
            return Random.Shared.NextDouble();
#else
            lock (Shared) return Shared.NextDouble();
#endif
        }

#if !NET6_0_OR_GREATER
        private static readonly Random Shared = new Random();
#endif
    }
}
