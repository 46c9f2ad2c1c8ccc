using System;
using System.Net.Http;
using IotAdmin.Http;

namespace IotAdmin.Sessions
{
    /// <summary>What tests replace: the clock, the HTTP handler, the limiter and the jitter. Production uses the defaults.</summary>
    internal sealed class SessionDependencies
    {
        public TimeProvider Time { get; set; } = TimeProvider.System;

        public HttpMessageHandler? Handler { get; set; }

        /// <summary>A limiter to use instead of the process-wide shared one.</summary>
        public ClientRateLimiter? Limiter { get; set; }

        /// <summary>Returns [0,1) for backoff jitter; null = random.</summary>
        public Func<double>? Jitter { get; set; }
    }
}
