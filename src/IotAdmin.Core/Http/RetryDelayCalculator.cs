using System;

namespace IotAdmin.Http
{
    /// <summary>
    /// The wait before retry n: exponential backoff from the rule's minimum (doubling, capped, with jitter),
    /// never less than the server's hint. Jitter only lengthens waits, so the floor always holds.
    /// </summary>
    internal sealed class RetryDelayCalculator
    {
        private readonly TimeSpan _cap;
        private readonly Func<double> _random;

        public RetryDelayCalculator(TimeSpan cap, Func<double>? random = null)
        {
            _cap = cap;
            _random = random ?? DefaultRandom;
        }

        /// <param name="retryIndex">0 for the first retry.</param>
        /// <param name="floor">The failure's minimum wait: max(rule minimum, Retry-After, RetryInfo).</param>
        /// <param name="backoffBase">Where the exponential series starts (1 s; 10 s after a time-out).</param>
        public TimeSpan Next(int retryIndex, TimeSpan floor, TimeSpan backoffBase)
        {
            var exponential = backoffBase.TotalMilliseconds * Math.Pow(2, Math.Min(retryIndex, 20));
            var capped = Math.Min(exponential, Math.Max(_cap.TotalMilliseconds, backoffBase.TotalMilliseconds));
            var jittered = capped * (1 + (0.2 * _random())); // up to +20 %
            return TimeSpan.FromMilliseconds(Math.Max(jittered, floor.TotalMilliseconds));
        }

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
