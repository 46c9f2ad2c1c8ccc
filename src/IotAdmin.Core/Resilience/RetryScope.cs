using System;
using IotAdmin.Http;
using Polly;

namespace IotAdmin.Resilience
{
    /// <summary>One piece of work run under <see cref="RetryStrategy"/>: how its outcome is judged and how its retries read.</summary>
    internal sealed class RetryScope
    {
        public RetryScope(ApiCallContext context, int maxAttempts, long startedTimestamp)
        {
            Context = context;
            MaxAttempts = maxAttempts;
            StartedTimestamp = startedTimestamp;
        }

        public ApiCallContext Context { get; }

        /// <summary>Attempts in all, the first included (1 = never retried).</summary>
        public int MaxAttempts { get; }

        public long StartedTimestamp { get; }

        /// <summary>
        /// Attempts in all when no answer comes at all (connection refused, host name not resolved); null: MaxAttempts.
        /// Connect-IotAdmin sets 2 — fail fast, one quick retry — since a wrong address does not heal in a minute.
        /// </summary>
        public int? NoAnswerAttempts { get; set; }

        /// <summary>The attempts <paramref name="failure"/> may use in this scope.</summary>
        public int AttemptsFor(IotApiException failure) =>
            NoAnswerAttempts.HasValue && failure.Status == CanonicalStatus.ConnectionFailed ? Math.Min(MaxAttempts, NoAnswerAttempts.Value) : MaxAttempts;

        /// <summary>The failure an outcome stands for; null when there is nothing to retry. Default: the IotApiException thrown.</summary>
        public Func<Outcome<object>, IotApiException?> FailureOf { get; set; } = outcome => outcome.Exception as IotApiException;

        /// <summary>Words after the call in "Retrying POST /v2/… for 3 devices after …"; null for none.</summary>
        public Func<IotApiException, string?>? Subject { get; set; }

        /// <summary>What happens before the next attempt ("checking which devices arrived"); null for a plain resend.</summary>
        public Func<IotApiException, string?>? Then { get; set; }

        /// <summary>Attempts made so far.</summary>
        public int Attempts { get; set; }
    }
}
