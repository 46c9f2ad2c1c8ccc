using System;
using System.Globalization;

namespace IotAdmin.Errors
{
    /// <summary>
    /// The one error mapper: turns an HTTP answer (or the lack of one) into an <see cref="IotApiException"/>
    /// using <see cref="ErrorRules"/>. Server delay hints are a floor, never ignored (Azure.Core's rule).
    /// </summary>
    internal static class ErrorClassifier
    {
        /// <summary>An HTTP answer that is not a success.</summary>
        public static IotApiException FromResponse(string method, string path, int httpStatus, string? bodyText, TimeSpan? retryAfterHeader)
        {
            var body = ErrorBodyParser.Parse(bodyText);
            var status = body.Status ?? CanonicalStatus.FromHttpStatus(httpStatus, body.Message ?? body.RawExcerpt);
            if (httpStatus == 502 && body.Status == null) status = CanonicalStatus.Unavailable;
            return Create(ErrorRules.For(status), httpStatus, method, path, body, retryAfterHeader, null);
        }

        /// <summary>A 2xx answer whose body could not be read as the expected JSON.</summary>
        public static IotApiException InvalidResponse(string method, string path, int httpStatus, string? bodyText, Exception? inner)
        {
            var body = new ErrorBody { RawExcerpt = TextBounds.Clean(bodyText, TextBounds.MaxExcerptLength) ?? "(empty body)" };
            return Create(ErrorRules.For(CanonicalStatus.InvalidResponse), httpStatus, method, path, body, null, inner);
        }

        /// <summary>
        /// One item that failed inside a call that succeeded (batchErrors, transferErrors, or an id missing from a
        /// filtered listing). There is no HTTP status of its own (<see cref="IotApiException.StatusCode"/> is null); the
        /// item's status decides the rest, and a RetryInfo in it is the floor of any re-send.
        /// </summary>
        internal static IotApiException FromItemStatus(string method, string path, ErrorBody status, string subject, object? target)
        {
            var e = Create(ErrorRules.For(status.Status ?? CanonicalStatus.Unknown), null, method, path, status, null, null);
            e.Subject = subject;
            e.Target = target;
            return e;
        }

        /// <summary>An id that a filtered listing did not return: NOT_FOUND, as if a GET of it had answered 404.</summary>
        internal static IotApiException NotInListing(string method, string path, string message, string subject, object? target) =>
            FromItemStatus(method, path, new ErrorBody { Status = CanonicalStatus.NotFound, Message = TextBounds.Clean(message) }, subject, target);

        /// <summary>A request IotAdmin did not send because its own check of the API's rules failed (e.g. a metadata limit).</summary>
        internal static IotApiException NotSent(string method, string path, string status, string message, string subject, object? target)
        {
            var e = FromItemStatus(method, path, new ErrorBody { Status = status, Message = TextBounds.Clean(message) }, subject, target);
            e.NotSent = true;
            return e;
        }

        /// <summary>The same failure with a recommended action that only the caller knows (e.g. which id a 404 names).</summary>
        internal static IotApiException WithDoNotRetryAction(IotApiException e, string action) => WithAction(e, "Do not retry: " + action, e.Subject);

        /// <summary>The same failure with another recommended action and subject (what it is about: "device 'd1'").</summary>
        internal static IotApiException WithAction(IotApiException e, string action, string? subject)
        {
            var copy = new IotApiException(e.Rule, e.StatusCode, e.Method, e.Path, e.Body, e.IsRetryable, e.RetryAfter, action, e.InnerException)
            {
                Attempts = e.Attempts,
                Target = e.Target,
                Subject = subject,
                NotSent = e.NotSent,
            };
            return copy;
        }

        /// <summary>An operation this API does not offer (UNIMPLEMENTED), with the way around it in words.</summary>
        public static IotApiException NotSupported(string method, string path, string message, string manualPath)
        {
            var rule = ErrorRules.For(CanonicalStatus.Unimplemented);
            return new IotApiException(rule, null, method, path, new ErrorBody { Message = TextBounds.Clean(message) }, false, null, "Do not retry: " + manualPath);
        }

        /// <summary>No answer: the connection failed, or the client's time-out expired.</summary>
        public static IotApiException FromNoAnswer(string method, string path, Exception inner, bool clientTimeout)
        {
            var status = clientTimeout ? CanonicalStatus.ClientTimeout : CanonicalStatus.ConnectionFailed;
            var body = new ErrorBody { Message = TextBounds.Clean(clientTimeout ? "no answer within the session's request time-out" : Innermost(inner).Message) };
            return Create(ErrorRules.For(status), null, method, path, body, null, inner);
        }

        private static IotApiException Create(ErrorRule rule, int? httpStatus, string method, string path, ErrorBody body, TimeSpan? retryAfterHeader, Exception? inner)
        {
            var hint = Max(retryAfterHeader, body.RetryDelay);
            bool retryable;
            switch (rule.Retry)
            {
                case RetryMode.Backoff:
                case RetryMode.ReRead:
                    retryable = true;
                    break;
                case RetryMode.ServerHint:
                    retryable = hint.HasValue;
                    break;
                default:
                    retryable = false;
                    break;
            }

            var wait = retryable ? Max(rule.MinimumWait, hint) : null;
            var action = retryable ? RetryAction(rule, wait!.Value) : "Do not retry: " + NoRetryAction(rule, body);
            return new IotApiException(rule, httpStatus, method, path, body, retryable, wait, action, inner);
        }

        private static string RetryAction(ErrorRule rule, TimeSpan wait)
        {
            var after = "Retry after " + Seconds(wait);
            return rule.Retry == RetryMode.ReRead ? "Read the resource again, re-apply the change and retry after " + Seconds(wait) : after;
        }

        private static string NoRetryAction(ErrorRule rule, ErrorBody body)
        {
            if (rule.Status == CanonicalStatus.InvalidArgument || rule.Status == CanonicalStatus.OutOfRange)
            {
                if (body.FieldViolations.Count > 0) return "fix the argument '" + body.FieldViolations[0].Field + "'";
            }

            if (rule.Status == CanonicalStatus.PermissionDenied) return RoleHint.Action(body.Message) ?? rule.Action;

            return rule.Action;
        }

        /// <summary>"9 s", "1.5 s": whole seconds where exact, else one decimal rounded up.</summary>
        internal static string Seconds(TimeSpan wait)
        {
            var s = Math.Ceiling(wait.TotalSeconds * 10) / 10;
            return s.ToString(s % 1 == 0 ? "0" : "0.0", CultureInfo.InvariantCulture) + " s";
        }

        private static TimeSpan? Max(TimeSpan? a, TimeSpan? b)
        {
            if (!a.HasValue) return b;
            if (!b.HasValue) return a;
            return a.Value >= b.Value ? a : b;
        }

        private static Exception Innermost(Exception e)
        {
            while (e.InnerException != null) e = e.InnerException;
            return e;
        }
    }
}
