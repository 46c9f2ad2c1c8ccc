using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;

namespace IotAdmin.Http
{
    /// <summary>
    /// "At most N requests in any W" as a System.Threading.RateLimiting <see cref="RateLimiter"/> on a
    /// <see cref="TimeProvider"/> (STRL's own limiters read the real Stopwatch, so they cannot run on a virtual clock).
    /// A sliding log of grants (<see cref="SlidingWindowSchedule"/>) in a store that may be shared between processes;
    /// a waiter reserves its slot at once (first come, first served) and gives it back when it is cancelled.
    /// </summary>
    internal sealed class SlidingWindowRateLimiter : RateLimiter
    {
        // Reservation ids are unique across the processes sharing a store: a random start per process.
        private static long _nextId = BitConverter.ToInt64(Guid.NewGuid().ToByteArray(), 0);

        private readonly RateLimitOptions _options;
        private readonly IRateWindowStore _store;
        private readonly TimeProvider _time;

        public SlidingWindowRateLimiter(RateLimitOptions options, IRateWindowStore store, TimeProvider time)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _store = store ?? throw new ArgumentNullException(nameof(store));
            _time = time ?? throw new ArgumentNullException(nameof(time));
        }

        public override TimeSpan? IdleDuration
        {
            get
            {
                var now = Now;
                var last = _store.Update(s => s.Slots.Count == 0 ? (long?)null : s.Slots[s.Slots.Count - 1].Ticks);
                if (!last.HasValue) return TimeSpan.Zero;
                return last.Value <= now ? TimeSpan.FromTicks(now - last.Value) : (TimeSpan?)null;
            }
        }

        private long Now => _time.GetUtcNow().UtcTicks;

        public override RateLimiterStatistics? GetStatistics() =>
            new RateLimiterStatistics { CurrentAvailablePermits = _store.Update(s => SlidingWindowSchedule.Available(s, _options, Now)) };

        /// <summary>Reserves <paramref name="permits"/> slots at the earliest time the window allows.</summary>
        internal Reservation Reserve(int permits, bool onlyIfImmediate = false)
        {
            var id = Interlocked.Increment(ref _nextId);
            return _store.Update(s => SlidingWindowSchedule.Reserve(s, _options, Now, permits, id, onlyIfImmediate));
        }

        /// <summary>Waits until the reservation's time; on cancellation its slots are given back.</summary>
        internal async ValueTask WaitAsync(Reservation reservation, CancellationToken cancellationToken)
        {
            var wait = reservation.AtTicks - Now;
            if (wait <= 0) return;
            try
            {
                await _time.Delay(TimeSpan.FromTicks(wait), cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                _store.Update(s => SlidingWindowSchedule.Release(s, reservation.Id));
                throw;
            }
        }

        /// <summary>A server 429 (see <see cref="AdaptiveBudget.OnThrottled"/>). True when the budget was lowered.</summary>
        internal bool OnThrottled(TimeSpan? retryAfter, TimeSpan maxPause) =>
            _store.Update(s => AdaptiveBudget.OnThrottled(s, _options, Now, retryAfter, maxPause));

        /// <summary>The budget in force (requests per client window) and when a server pause ends (if it has not).</summary>
        internal (int Limit, long PausedUntilTicks) Snapshot() =>
            _store.Update(s => (AdaptiveBudget.Limit(s, _options), s.PausedUntilTicks > Now ? s.PausedUntilTicks : 0L));

        protected override RateLimitLease AttemptAcquireCore(int permitCount)
        {
            if (permitCount == 0) return GetStatistics()!.CurrentAvailablePermits > 0 ? Lease.Acquired : new Lease(false, null);
            var r = Reserve(permitCount, onlyIfImmediate: true);
            return r.Granted ? Lease.Acquired : new Lease(false, TimeSpan.FromTicks(Math.Max(0, r.AtTicks - Now)));
        }

        protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
        {
            if (permitCount == 0) return Lease.Acquired;
            await WaitAsync(Reserve(permitCount), cancellationToken).ConfigureAwait(false);
            return Lease.Acquired;
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
