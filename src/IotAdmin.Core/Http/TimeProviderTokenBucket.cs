using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;

namespace IotAdmin.Http
{
    /// <summary>
    /// A token bucket (burst B, rate r) as a System.Threading.RateLimiting <see cref="RateLimiter"/>, driven by a
    /// <see cref="TimeProvider"/>. STRL's own TokenBucketRateLimiter reads the real Stopwatch even when replenished by
    /// hand, so it cannot run on a virtual clock; this one is the same bucket written as GCRA (a reservation per
    /// permit): waiters are served first-come first-served, and a refused attempt reports RetryAfter.
    /// </summary>
    internal sealed class TimeProviderTokenBucket : RateLimiter
    {
        private readonly object _lock = new object();
        private readonly TimeProvider _time;
        private readonly long _intervalTicks;   // 1 / rate
        private readonly long _toleranceTicks;  // (burst - 1) / rate: how far ahead of schedule a request may run
        private long _theoreticalArrival;       // when the bucket is next "empty-compliant"
        private long _idleSince;

        public TimeProviderTokenBucket(int burst, double permitsPerSecond, TimeProvider time)
        {
            if (burst < 1) throw new ArgumentOutOfRangeException(nameof(burst), burst, "Burst must be at least 1.");
            if (permitsPerSecond <= 0) throw new ArgumentOutOfRangeException(nameof(permitsPerSecond), permitsPerSecond, "The rate must be positive.");
            _time = time;
            _intervalTicks = (long)(TimeSpan.TicksPerSecond / permitsPerSecond);
            _toleranceTicks = _intervalTicks * (burst - 1);
            _theoreticalArrival = Now;
            _idleSince = Now;
        }

        public override TimeSpan? IdleDuration
        {
            get
            {
                lock (_lock) return Now >= _theoreticalArrival ? TimeSpan.FromTicks(Now - _idleSince) : (TimeSpan?)null;
            }
        }

        private long Now => _time.GetUtcNow().UtcTicks;

        public override RateLimiterStatistics? GetStatistics()
        {
            lock (_lock)
            {
                var ahead = _theoreticalArrival - Now;
                var available = ahead <= 0 ? (_toleranceTicks / _intervalTicks) + 1 : Math.Max(0, (_toleranceTicks - ahead) / _intervalTicks);
                return new RateLimiterStatistics { CurrentAvailablePermits = available };
            }
        }

        protected override RateLimitLease AttemptAcquireCore(int permitCount)
        {
            lock (_lock)
            {
                var wait = WaitFor(permitCount, out var newArrival);
                if (wait > 0) return new Lease(false, TimeSpan.FromTicks(wait));
                Commit(newArrival);
                return Lease.Acquired;
            }
        }

        protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
        {
            long wait;
            lock (_lock)
            {
                // Reserve the slot now: later callers queue behind it (first come, first served).
                wait = WaitFor(permitCount, out var newArrival);
                Commit(newArrival);
            }

            if (wait > 0) await _time.Delay(TimeSpan.FromTicks(wait), cancellationToken).ConfigureAwait(false);
            return Lease.Acquired;
        }

        private long WaitFor(int permitCount, out long newArrival)
        {
            var now = Now;
            var start = Math.Max(_theoreticalArrival, now);
            newArrival = start + (_intervalTicks * permitCount);
            var allowedAt = newArrival - _intervalTicks - _toleranceTicks;
            return Math.Max(0, allowedAt - now);
        }

        private void Commit(long newArrival)
        {
            if (_theoreticalArrival <= Now) _idleSince = Now;
            _theoreticalArrival = newArrival;
        }

        private sealed class Lease : RateLimitLease
        {
            public static readonly Lease Acquired = new Lease(true, null);

            private readonly TimeSpan? _retryAfter;

            public Lease(bool isAcquired, TimeSpan? retryAfter)
            {
                IsAcquired = isAcquired;
                _retryAfter = retryAfter;
            }

            public override bool IsAcquired { get; }

            public override IEnumerable<string> MetadataNames => _retryAfter.HasValue ? new[] { MetadataName.RetryAfter.Name } : Array.Empty<string>();

            public override bool TryGetMetadata(string metadataName, out object? metadata)
            {
                if (_retryAfter.HasValue && metadataName == MetadataName.RetryAfter.Name)
                {
                    metadata = _retryAfter.Value;
                    return true;
                }

                metadata = null;
                return false;
            }
        }
    }
}
