using System.Threading;

namespace IotAdmin.Http
{
    /// <summary>What one command's calls cost: for the bulk summary and for tests. Thread-safe.</summary>
    internal sealed class RequestCounters
    {
        private int _requests;
        private int _retries;
        private int _serverThrottled;
        private long _limiterWaitTicks;

        /// <summary>HTTP requests sent to the API (every attempt; token requests aside).</summary>
        public int Requests => Volatile.Read(ref _requests);

        public int Retries => Volatile.Read(ref _retries);

        /// <summary>429 answers from the server (the client-side limiter aims to keep this at zero).</summary>
        public int ServerThrottled => Volatile.Read(ref _serverThrottled);

        /// <summary>Time spent waiting for the client-side rate limiter.</summary>
        public System.TimeSpan LimiterWait => new System.TimeSpan(Interlocked.Read(ref _limiterWaitTicks));

        internal void AddRequest() => Interlocked.Increment(ref _requests);

        internal void AddRetry() => Interlocked.Increment(ref _retries);

        internal void AddServerThrottled() => Interlocked.Increment(ref _serverThrottled);

        internal void AddLimiterWait(System.TimeSpan wait) => Interlocked.Add(ref _limiterWaitTicks, wait.Ticks);
    }
}
