using System;
using System.Threading;
using System.Threading.Tasks;

namespace IotAdmin.Http
{
    /// <summary>
    /// The client-side limiter every request of one service account passes (<see cref="SlidingWindowRateLimiter"/>),
    /// with what the pipeline needs around it: a server 429 pauses the account (capped by the retry rules) and lowers
    /// its learned budget; every wait of more than a moment, and every change of the budget, is said on the verbose
    /// stream with its reason.
    /// </summary>
    internal sealed class ClientRateLimiter : IDisposable
    {
        /// <summary>Waits shorter than this are not worth a verbose line (the limiter spaces requests that much).</summary>
        internal static readonly TimeSpan NoticeableWait = TimeSpan.FromSeconds(1);

        private readonly SlidingWindowRateLimiter? _window;
        private readonly TimeProvider _time;

        /// <summary>A limiter whose state lives in this process only.</summary>
        public ClientRateLimiter(RateLimitOptions options, TimeProvider time)
            : this(options, new MemoryRateWindowStore(), time)
        {
        }

        internal ClientRateLimiter(RateLimitOptions options, IRateWindowStore store, TimeProvider time)
        {
            Options = options ?? throw new ArgumentNullException(nameof(options));
            _time = time ?? throw new ArgumentNullException(nameof(time));
            if (options.Enabled) _window = new SlidingWindowRateLimiter(options, store, time);
        }

        public RateLimitOptions Options { get; }

        /// <summary>The learned budget: requests per <see cref="RateLimitOptions.ClientWindow"/> (the configured one until the server answers 429).</summary>
        public int Budget => _window?.Snapshot().Limit ?? 0;

        /// <summary>When the account resumes after a server 429, or null when it is not paused.</summary>
        public DateTimeOffset? PausedUntil
        {
            get
            {
                var ticks = _window?.Snapshot().PausedUntilTicks ?? 0;
                return ticks > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : (DateTimeOffset?)null;
            }
        }

        /// <summary>The limiter as a System.Threading.RateLimiting limiter (null when the client-side limit is off).</summary>
        internal System.Threading.RateLimiting.RateLimiter? RateLimiter => _window;

        /// <summary>Waits for a permit (and for any pause to end). Returns how long it waited (zero when it did not).</summary>
        public async Task<TimeSpan> AcquireAsync(IApiLog log, CancellationToken cancellationToken)
        {
            if (_window == null) return TimeSpan.Zero;
            var reservation = _window.Reserve(1);
            if (reservation.BudgetRaised) log.Verbose("No server 429 for " + RateLimitOptions.Seconds(Options.ClientWindow) + ": the client-side budget of this account is up to " + Describe(reservation.Limit) + ".");
            var wait = TimeSpan.FromTicks(Math.Max(0, reservation.AtTicks - _time.GetUtcNow().UtcTicks));
            if (wait >= NoticeableWait) log.Verbose(WhyWaiting(reservation, wait));
            await _window.WaitAsync(reservation, cancellationToken).ConfigureAwait(false);
            return wait;
        }

        /// <summary>
        /// The server said 429: nobody using this account sends anything for <paramref name="retryAfter"/> (1 s without a
        /// hint), but never longer than <paramref name="maxPause"/>, the longest wait the retry rules accept.
        /// </summary>
        public void OnThrottled(TimeSpan? retryAfter, TimeSpan maxPause, IApiLog log)
        {
            if (_window == null) return;
            if (_window.OnThrottled(retryAfter, maxPause)) log.Verbose("The server answered 429: the client-side budget of this account is down to " + Describe(Budget) + " (it grows back after " + RateLimitOptions.Seconds(Options.ClientWindow) + " without a 429).");
        }

        private string Describe(int limit) =>
            limit + " requests per " + RateLimitOptions.Seconds(Options.ClientWindow) + (limit < Options.ClientLimit ? " (configured " + Options.ClientLimit + ")" : " (the configured budget)");

        private string WhyWaiting(Reservation r, TimeSpan wait)
        {
            var second = TimeSpan.TicksPerSecond; // "until" rounds up: never a time before the wait ends
            var until = new DateTimeOffset((r.AtTicks + second - 1) / second * second, TimeSpan.Zero).ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " UTC";
            var head = "Waiting " + Errors.ErrorClassifier.Seconds(wait) + ", until " + until + ", for the client-side rate limit of this account: ";
            switch (r.Reason)
            {
                case WaitReason.Paused:
                    var asked = TimeSpan.FromTicks(r.PauseAskedTicks);
                    return head + "the server answered 429" + (r.PauseAskedTicks > 0 ? " with Retry-After " + Errors.ErrorClassifier.Seconds(asked) : string.Empty) + "; the account pauses until then (a pause never exceeds the MaxRetryDelay of the session that received the 429).";
                case WaitReason.Paced:
                    return head + "after server 429s the learned budget of " + Describe(r.Limit) + " spaces requests evenly.";
                default:
                    return head + "the budget of " + Describe(r.Limit) + " is used up in the current window.";
            }
        }

        public void Dispose() => _window?.Dispose();
    }
}
