using System;
using System.Collections.Generic;

namespace IotAdmin
{
    /// <summary>
    /// The canonical error codes (google.rpc.Code) and their HTTP statuses, as in error-model.md §3.
    /// Besides the google.rpc codes, IotAdmin uses three client-side statuses for failures that have no HTTP answer.
    /// </summary>
    internal static class CanonicalStatus
    {
        public const string Ok = "OK";
        public const string Cancelled = "CANCELLED";
        public const string Unknown = "UNKNOWN";
        public const string InvalidArgument = "INVALID_ARGUMENT";
        public const string DeadlineExceeded = "DEADLINE_EXCEEDED";
        public const string NotFound = "NOT_FOUND";
        public const string AlreadyExists = "ALREADY_EXISTS";
        public const string PermissionDenied = "PERMISSION_DENIED";
        public const string ResourceExhausted = "RESOURCE_EXHAUSTED";
        public const string FailedPrecondition = "FAILED_PRECONDITION";
        public const string Aborted = "ABORTED";
        public const string OutOfRange = "OUT_OF_RANGE";
        public const string Unimplemented = "UNIMPLEMENTED";
        public const string Internal = "INTERNAL";
        public const string Unavailable = "UNAVAILABLE";
        public const string DataLoss = "DATA_LOSS";
        public const string Unauthenticated = "UNAUTHENTICATED";

        /// <summary>No HTTP answer at all: DNS failure, connection refused or reset.</summary>
        public const string ConnectionFailed = "CONNECTION_FAILED";
        /// <summary>The client gave up waiting for an answer (the session's request time-out).</summary>
        public const string ClientTimeout = "CLIENT_TIMEOUT";
        /// <summary>A 2xx answer whose body is not the JSON the API promises.</summary>
        public const string InvalidResponse = "INVALID_RESPONSE";

        // google.rpc.Code numbers, index = code.
        private static readonly string[] ByRpcCode =
        {
            Ok, Cancelled, Unknown, InvalidArgument, DeadlineExceeded, NotFound, AlreadyExists, PermissionDenied,
            ResourceExhausted, FailedPrecondition, Aborted, OutOfRange, Unimplemented, Internal, Unavailable,
            DataLoss, Unauthenticated,
        };

        private static readonly HashSet<string> Known = new HashSet<string>(ByRpcCode, StringComparer.Ordinal)
        {
            ConnectionFailed, ClientTimeout, InvalidResponse,
        };

        /// <summary>The canonical name of a google.rpc.Code number, or null when the number is not one.</summary>
        public static string? FromRpcCode(int code) => code >= 0 && code < ByRpcCode.Length ? ByRpcCode[code] : null;

        /// <summary>Normalises a status name from a body ("not_found" → "NOT_FOUND"); null when unknown.</summary>
        public static string? Normalize(string? name)
        {
            if (string.IsNullOrWhiteSpace(name)) return null;
            var upper = name!.Trim().ToUpperInvariant();
            if (upper == "INTERNAL_ERROR") return Internal; // DT's batchErrors spelling
            return Known.Contains(upper) ? upper : null;
        }

        /// <summary>The canonical status implied by an HTTP status when the body names none (error-model.md §3).</summary>
        public static string FromHttpStatus(int httpStatus, string? message)
        {
            switch (httpStatus)
            {
                case 400: return InvalidArgument;
                case 401: return Unauthenticated;
                case 403: return PermissionDenied;
                case 404: return NotFound;
                case 405: return Unimplemented;
                case 408: return DeadlineExceeded;
                case 409: return SaysAlreadyExists(message) ? AlreadyExists : Aborted;
                case 429: return ResourceExhausted;
                case 499: return Cancelled;
                case 501: return Unimplemented;
                case 502:
                case 503: return Unavailable;
                case 504: return DeadlineExceeded;
                default:
                    if (httpStatus >= 200 && httpStatus < 300) return InvalidResponse;
                    if (httpStatus >= 500) return Internal;
                    return httpStatus >= 400 ? InvalidArgument : Unknown;
            }
        }

        private static bool SaysAlreadyExists(string? message) =>
            message != null && message.IndexOf("already exist", StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
