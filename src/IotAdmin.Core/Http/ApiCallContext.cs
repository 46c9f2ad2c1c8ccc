namespace IotAdmin.Http
{
    /// <summary>Per-command context every API call carries: where to log, and what to count.</summary>
    internal sealed class ApiCallContext
    {
        /// <summary>A context that logs nothing (its counters still count).</summary>
        public static ApiCallContext Silent() => new ApiCallContext(NullApiLog.Instance);

        public ApiCallContext(IApiLog log, RequestCounters? counters = null)
        {
            Log = log;
            Counters = counters ?? new RequestCounters();
        }

        public IApiLog Log { get; }

        /// <summary>Shared by every call of one command invocation (the bulk summary reads it).</summary>
        public RequestCounters Counters { get; }

        /// <summary>Attempts of a call that gets no answer at all (see <see cref="Resilience.RetryScope.NoAnswerAttempts"/>); null: the session's MaxAttempts.</summary>
        public int? NoAnswerAttempts { get; set; }

        private sealed class NullApiLog : IApiLog
        {
            public static readonly NullApiLog Instance = new NullApiLog();

            public void Verbose(string message)
            {
            }

            public void Debug(string message)
            {
            }
        }
    }
}
