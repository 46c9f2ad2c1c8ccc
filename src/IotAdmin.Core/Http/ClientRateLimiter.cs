using System;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;

namespace IotAdmin.Http
{
    /// <summary>
    /// The client-side limiter every request of one service account passes: a token bucket
    /// (<see cref="TimeProviderTokenBucket"/>, a System.Threading.RateLimiting limiter) on a <see cref="TimeProvider"/>,
    /// so tests drive it with a virtual clock. A server 429 pauses it for the Retry-After time, so parallel callers
    /// back off together.
    /// </summary>
    internal sealed class ClientRateLimiter : IDisposable
    {
        private readonly RateLimiter? _bucket;
        private readonly TimeProvider _time;
        private long _pausedUntilTicks;

        public ClientRateLimiter(RateLimitOptions options, TimeProvider time)
        {
            Options = options ?? throw new ArgumentNullException(nameof(options));
            _time = time ?? throw new ArgumentNullException(nameof(time));
            if (options.Enabled) _bucket = new TimeProviderTokenBucket(options.Burst, options.RequestsPerSecond, time);
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

        public void Dispose() => _bucket?.Dispose();
    }
}
