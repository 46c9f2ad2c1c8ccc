using System;
using System.Collections.Generic;
using System.Text;
using IotAdmin.Errors;

namespace IotAdmin
{
    /// <summary>
    /// An API call that failed, with everything a script needs to decide what to do next:
    /// the HTTP status, the canonical status, the server's message, and whether (and after how long) a retry may work.
    /// It never carries a token, a secret or a request header.
    /// </summary>
    public class IotApiException : Exception
    {
        internal IotApiException(
            ErrorRule rule,
            int? statusCode,
            string method,
            string path,
            ErrorBody body,
            bool isRetryable,
            TimeSpan? retryAfter,
            string recommendedAction,
            Exception? inner = null)
            : base(null, inner)
        {
            Rule = rule;
            Body = body;
            StatusCode = statusCode;
            Method = method;
            Path = path;
            ServerMessage = body.Message ?? body.RawExcerpt;
            HelpUri = body.HelpUri;
            Reason = body.Reason;
            Domain = body.Domain;
            FieldViolations = body.FieldViolations;
            Violations = body.Violations;
            IsRetryable = isRetryable;
            RetryAfter = retryAfter;
            RecommendedAction = recommendedAction;
            Attempts = 1;
        }

        /// <summary>The HTTP status, or null when no answer came (connection failure, client time-out).</summary>
        public int? StatusCode { get; }

        /// <summary>The canonical status (google.rpc.Code name, e.g. NOT_FOUND), from the body or derived from HTTP.</summary>
        public string Status => Rule.Status;

        /// <summary>The server's message (bounded, no control characters), or the start of a non-JSON body.</summary>
        public string? ServerMessage { get; }

        public string? HelpUri { get; }

        /// <summary>google.rpc.ErrorInfo reason, OAuth2 error code, or legacy errors[].reason.</summary>
        public string? Reason { get; }

        public string? Domain { get; }

        public IReadOnlyList<IotFieldViolation> FieldViolations { get; }

        /// <summary>Quota, precondition and resource details, in words.</summary>
        public IReadOnlyList<string> Violations { get; }

        /// <summary>True when the same request may succeed later (after <see cref="RetryAfter"/>).</summary>
        public bool IsRetryable { get; }

        /// <summary>The least time to wait before retrying; null when a retry will not help.</summary>
        public TimeSpan? RetryAfter { get; }

        /// <summary>How many times the request was sent (1 = no retry).</summary>
        public int Attempts { get; internal set; }

        public string Method { get; }

        /// <summary>The request path without the query string.</summary>
        public string Path { get; }

        public IotErrorCategory Category => Rule.Category;

        /// <summary>The stable ErrorId of the ErrorRecord (one per canonical status; see docs/about_IotAdmin_Errors.md).</summary>
        public string ErrorId => Rule.ErrorId;

        /// <summary>The retry hint in words: "Retry after 9 s", "Do not retry: fix the argument 'labels'".</summary>
        public string RecommendedAction { get; }

        /// <summary>What the call was about (device, project, label), when the caller knows it.</summary>
        public object? Target { get; internal set; }

        internal ErrorRule Rule { get; }

        /// <summary>The parsed body, kept so that a copy with another recommended action loses nothing.</summary>
        internal ErrorBody Body { get; }

        /// <summary>For a per-item failure inside a successful batch call: "device 'd1'".</summary>
        internal string? Subject { get; set; }

        /// <summary>IotAdmin's own check stopped the request before it was sent.</summary>
        internal bool NotSent { get; set; }

        /// <summary>
        /// What went wrong, without the retry hint: ErrorDetails.Message of the ErrorRecord, whose Recommendation line
        /// carries <see cref="RecommendedAction"/> (so a console shows the hint once). Ends with one full stop.
        /// </summary>
        internal string Description
        {
            get
            {
                var sb = new StringBuilder();
                sb.Append(Method).Append(' ').Append(Path).Append(NotSent ? " was not sent" : " failed");
                if (Subject != null) sb.Append(" for ").Append(Subject);
                sb.Append(StatusCode.HasValue ? " with HTTP " + StatusCode.Value + " " + Status : " (" + Status + ")");
                if (!string.IsNullOrEmpty(ServerMessage)) sb.Append(": ").Append(WithoutFullStop(ServerMessage!));
                if (FieldViolations.Count > 0)
                {
                    sb.Append(" [");
                    for (var i = 0; i < FieldViolations.Count && i < 5; i++) sb.Append(i > 0 ? "; " : string.Empty).Append(FieldViolations[i]);
                    sb.Append(']');
                }

                if (Attempts > 1) sb.Append(" (after ").Append(Attempts).Append(" attempts)");
                return sb.Append('.').ToString();
            }
        }

        /// <summary>The description and the retry hint, for scripts that read only the exception.</summary>
        public override string Message => Description + " " + WithFullStop(RecommendedAction);

        /// <summary>"…received." → "…received" (one full stop follows); an ellipsis stays.</summary>
        private static string WithoutFullStop(string text)
        {
            var t = text.TrimEnd();
            return t.EndsWith(".", StringComparison.Ordinal) && !t.EndsWith("...", StringComparison.Ordinal) ? t.Substring(0, t.Length - 1) : t;
        }

        private static string WithFullStop(string text) => text.EndsWith(".", StringComparison.Ordinal) ? text : text + ".";
    }
}
