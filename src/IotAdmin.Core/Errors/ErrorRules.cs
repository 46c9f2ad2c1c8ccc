using System;
using System.Collections.Generic;
using System.Linq;

namespace IotAdmin.Errors
{
    /// <summary>
    /// The mapping table of error-model.md §2 as data: canonical status → category, retry mode, minimum wait, action.
    /// Everything that decides retryability or wording reads this table; nothing else does.
    /// </summary>
    internal static class ErrorRules
    {
        private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);
        private static readonly TimeSpan TenSeconds = TimeSpan.FromSeconds(10);

        private static readonly ErrorRule[] Rows =
        {
            new ErrorRule(CanonicalStatus.InvalidArgument, IotErrorCategory.InvalidArgument, RetryMode.Never, TimeSpan.Zero, "fix the argument"),
            new ErrorRule(CanonicalStatus.OutOfRange, IotErrorCategory.InvalidArgument, RetryMode.Never, TimeSpan.Zero, "fix the argument"),
            new ErrorRule(CanonicalStatus.FailedPrecondition, IotErrorCategory.InvalidOperation, RetryMode.Never, TimeSpan.Zero, "fix the precondition the message names"),
            new ErrorRule(CanonicalStatus.Unauthenticated, IotErrorCategory.AuthenticationError, RetryMode.RefreshTokenOnce, TimeSpan.Zero, "check the service account's key id, secret and e-mail (access tokens live one hour; IotAdmin refreshes them itself)"),
            new ErrorRule(CanonicalStatus.PermissionDenied, IotErrorCategory.PermissionDenied, RetryMode.Never, TimeSpan.Zero, "give the service account the role this needs (moving devices needs project admin in both projects)"),
            new ErrorRule(CanonicalStatus.NotFound, IotErrorCategory.ObjectNotFound, RetryMode.Never, TimeSpan.Zero, "check the id (a resource created a moment ago can take about a second to appear)"),
            new ErrorRule(CanonicalStatus.AlreadyExists, IotErrorCategory.ResourceExists, RetryMode.Never, TimeSpan.Zero, "it already exists"),
            new ErrorRule(CanonicalStatus.Aborted, IotErrorCategory.ResourceBusy, RetryMode.ReRead, OneSecond, "another client changed the resource at the same time: read it again and re-apply the change"),
            new ErrorRule(CanonicalStatus.ResourceExhausted, IotErrorCategory.QuotaExceeded, RetryMode.ServerHint, TimeSpan.Zero, "quota exhausted: do not retry before the quota is raised or reset"),
            new ErrorRule(CanonicalStatus.Cancelled, IotErrorCategory.OperationStopped, RetryMode.Backoff, OneSecond, "the server cancelled the request"),
            new ErrorRule(CanonicalStatus.Internal, IotErrorCategory.ResourceUnavailable, RetryMode.Backoff, OneSecond, "the service failed; if it persists, check the service's status page"),
            new ErrorRule(CanonicalStatus.Unknown, IotErrorCategory.ResourceUnavailable, RetryMode.Backoff, OneSecond, "the service failed; if it persists, check the service's status page"),
            new ErrorRule(CanonicalStatus.DataLoss, IotErrorCategory.InvalidResult, RetryMode.Never, TimeSpan.Zero, "the service reports data loss; contact its support"),
            new ErrorRule(CanonicalStatus.Unimplemented, IotErrorCategory.NotImplemented, RetryMode.Never, TimeSpan.Zero, "this operation is not supported by this API"),
            new ErrorRule(CanonicalStatus.Unavailable, IotErrorCategory.ResourceUnavailable, RetryMode.Backoff, OneSecond, "the service is unavailable; if it persists, check the service's status page"),
            new ErrorRule(CanonicalStatus.DeadlineExceeded, IotErrorCategory.OperationTimeout, RetryMode.Backoff, TenSeconds, "the server timed out; if it persists, check the service's status page"),
            new ErrorRule(CanonicalStatus.ConnectionFailed, IotErrorCategory.ConnectionError, RetryMode.Backoff, OneSecond, "check the endpoint address and the network"),
            new ErrorRule(CanonicalStatus.ClientTimeout, IotErrorCategory.OperationTimeout, RetryMode.Backoff, TenSeconds, "no answer in time; raise the session's request time-out or check the network"),
            new ErrorRule(CanonicalStatus.InvalidResponse, IotErrorCategory.ProtocolError, RetryMode.Never, TimeSpan.Zero, "the server's answer is not what the API promises; check the endpoint"),
        };

        private static readonly Dictionary<string, ErrorRule> ByStatus = Rows.ToDictionary(r => r.Status, StringComparer.Ordinal);

        /// <summary>Every row, in table order (for documentation and tests).</summary>
        public static IReadOnlyList<ErrorRule> All => Rows;

        /// <summary>
        /// The terminating rule, in one place: a failure no later item can escape (authentication) ends the whole
        /// command; every other failure belongs to its item and the command goes on.
        /// </summary>
        public static bool EndsTheCommand(IotApiException e) => e.Category == IotErrorCategory.AuthenticationError;

        /// <summary>
        /// A whole call that failed this way after its retries means the API cannot serve the run any more (no answer,
        /// or "unavailable" to the end): a bulk command stops sending (its <see cref="Resilience.ApiCircuit"/> opens)
        /// rather than spend the same retries on every remaining batch.
        /// </summary>
        public static bool MeansUnreachable(IotApiException e) =>
            e.Status == CanonicalStatus.ConnectionFailed || e.Status == CanonicalStatus.ClientTimeout
            || (e.StatusCode.HasValue && e.Status == CanonicalStatus.Unavailable && e.Attempts > 1); // a 503 answered once (e.g. "come back tomorrow") is that call's

        /// <summary>The row for a canonical status; an unknown status is treated as UNKNOWN (retryable server failure).</summary>
        public static ErrorRule For(string status) =>
            ByStatus.TryGetValue(status, out var rule) ? rule : ByStatus[CanonicalStatus.Unknown];
    }
}
