using System;
using IotAdmin.Http;

namespace IotAdmin.Sessions
{
    /// <summary>
    /// How a session retries, waits and limits itself. The defaults follow the seeds: backoff from 1 s (10 s after a
    /// 504), Retry-After as a floor, a 75-per-10-s budget, tokens refreshed a minute before they expire.
    /// </summary>
    public sealed class IotSessionOptions
    {
        /// <summary>The default of <see cref="MaxAttempts"/> (Connect-IotAdmin -MaxAttempts uses it too).</summary>
        public const int DefaultMaxAttempts = 6;

        /// <summary>The largest <see cref="MaxAttempts"/> accepted.</summary>
        public const int MaxAttemptsLimit = 100;

        /// <summary>The default of <see cref="RequestTimeout"/>, in seconds.</summary>
        public const int DefaultRequestTimeoutSeconds = 30;

        /// <summary>The default of <see cref="MaxRetryDelay"/>, in seconds.</summary>
        public const int DefaultMaxRetryDelaySeconds = 60;

        /// <summary>The largest value, in seconds, Connect-IotAdmin accepts for a time-out, a wait or a rate-limit window.</summary>
        public const int SecondsLimit = 3600;

        /// <summary>Attempts per request, the first included (default 6: five retries).</summary>
        public int MaxAttempts { get; set; } = DefaultMaxAttempts;

        /// <summary>The longest single wait the session accepts; a server asking for more ends the retries (default 60 s).</summary>
        public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(DefaultMaxRetryDelaySeconds);

        /// <summary>The longest a request may spend retrying in total (default 5 minutes).</summary>
        public TimeSpan RetryTimeLimit { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>The cap of the exponential backoff (default 32 s; server hints may ask for more).</summary>
        public TimeSpan BackoffCap { get; set; } = TimeSpan.FromSeconds(32);

        /// <summary>How long one attempt may wait for an answer (default 30 s).</summary>
        public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(DefaultRequestTimeoutSeconds);

        /// <summary>Refresh the access token this long before it expires (default 60 s; at most half its lifetime).</summary>
        public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>The server's request budget the client-side limiter keeps under; null (the default) = the provider's (75 per 10 s for DT, 500 for Cloud IoT Core).</summary>
        public RateLimitOptions? RateLimit { get; set; }

        /// <summary>Throws ArgumentException naming the first bad value.</summary>
        public void Validate()
        {
            if (MaxAttempts < 1 || MaxAttempts > MaxAttemptsLimit) throw new ArgumentOutOfRangeException(nameof(MaxAttempts), MaxAttempts, "MaxAttempts must be between 1 and " + MaxAttemptsLimit + ".");
            Positive(MaxRetryDelay, nameof(MaxRetryDelay));
            Positive(RetryTimeLimit, nameof(RetryTimeLimit));
            Positive(BackoffCap, nameof(BackoffCap));
            Positive(RequestTimeout, nameof(RequestTimeout));
            if (TokenRefreshMargin < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(TokenRefreshMargin), TokenRefreshMargin, "TokenRefreshMargin cannot be negative.");
        }

        public IotSessionOptions Clone() => (IotSessionOptions)MemberwiseClone();

        private static void Positive(TimeSpan value, string name)
        {
            if (value <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(name, value, name + " must be longer than zero.");
        }
    }
}
