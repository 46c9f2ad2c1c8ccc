using System;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;

namespace IotAdmin.Http
{
    /// <summary>
    /// The client-side limiter every request of one service account passes: a token bucket
    /// (System.Threading.RateLimiting) replenished by a <see cref="TimeProvider"/> timer, so tests drive it with a
    /// fake clock. A server 429 pauses it for the Retry-After time, so parallel callers back off together.
    /// </summary>
    public sealed class ClientRateLimiter : IDisposable
    {
        private readonly TokenBucketRateLimiter? _bucket;
        private readonly ITimer? _replenisher;
        private readonly TimeProvider _time;
        private long _pausedUntilTicks;

        public ClientRateLimiter(RateLimitOptions options, TimeProvider time)
        {
            Options = options ?? throw new ArgumentNullException(nameof(options));
            _time = time ?? throw new ArgumentNullException(nameof(time));
            if (!options.Enabled) return;
            var period = TimeSpan.FromTicks((long)(TimeSpan.TicksPerSecond / options.RequestsPerSecond));
            _bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = options.Burst,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = period,
                AutoReplenishment = false,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            });
            _replenisher = time.CreateTimer(_ => _bucket.TryReplenish(), null, period, period);
        }

        public RateLimitOptions Options { get; }

        /// <summary>When the limiter resumes after a server 429, or null when it is not paused.</summary>
        public DateTimeOffset? PausedUntil
        {
            get
            {
                var ticks = Interlocked.Read(ref _pausedUntilTicks);
                return ticks > _time.GetUtcNow().UtcTicks ? new DateTimeOffset(ticks, TimeSpan.Zero) : (DateTimeOffset?)null;
            }
        }

        /// <summary>Waits for a permit (and for any pause to end). Returns how long it waited.</summary>
        public async Task<TimeSpan> AcquireAsync(CancellationToken cancellationToken)
        {
            if (_bucket == null) return TimeSpan.Zero;
            var started = _time.GetTimestamp();
            while (PausedUntil is DateTimeOffset until)
            {
                var wait = until - _time.GetUtcNow();
                if (wait > TimeSpan.Zero) await _time.Delay(wait, cancellationToken).ConfigureAwait(false);
            }

            using (var lease = await _bucket.AcquireAsync(1, cancellationToken).ConfigureAwait(false))
            {
                if (!lease.IsAcquired) throw new InvalidOperationException("The client-side rate limiter refused a permit.");
            }

            return _time.GetElapsedTime(started);
        }

        /// <summary>The server said 429: nobody using this account sends anything for <paramref name="retryAfter"/>.</summary>
        public void PauseFor(TimeSpan retryAfter)
        {
            var until = _time.GetUtcNow().Add(retryAfter).UtcTicks;
            long current;
            do
            {
                current = Interlocked.Read(ref _pausedUntilTicks);
                if (current >= until) return;
            }
            while (Interlocked.CompareExchange(ref _pausedUntilTicks, until, current) != current);
        }

        public void Dispose()
        {
            _replenisher?.Dispose();
            _bucket?.Dispose();
        }
    }
}
