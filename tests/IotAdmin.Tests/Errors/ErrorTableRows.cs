using System.Collections.Generic;

namespace IotAdmin.Tests.Errors
{
    /// <summary>
    /// error-model.md §2 as test data: each row the HTTP status, the canonical status, the expected category,
    /// retryability and minimum wait. Shared by the unit tests and the end-to-end tests against the emulator.
    /// </summary>
    public static class ErrorTableRows
    {
        public sealed record Row(int Http, string Status, IotErrorCategory Category, bool Retryable, double? MinimumWaitSeconds, int? RetryAfterHeader = null, string? Message = null, bool DtExpressible = true)
        {
            public override string ToString() => Http + " " + Status + (RetryAfterHeader.HasValue ? " Retry-After " + RetryAfterHeader : string.Empty);
        }

        public static readonly Row[] All =
        {
            new Row(400, "INVALID_ARGUMENT", IotErrorCategory.InvalidArgument, false, null),
            new Row(400, "OUT_OF_RANGE", IotErrorCategory.InvalidArgument, false, null, DtExpressible: false),
            new Row(400, "FAILED_PRECONDITION", IotErrorCategory.InvalidOperation, false, null, DtExpressible: false),
            new Row(401, "UNAUTHENTICATED", IotErrorCategory.AuthenticationError, false, null),
            new Row(403, "PERMISSION_DENIED", IotErrorCategory.PermissionDenied, false, null),
            new Row(404, "NOT_FOUND", IotErrorCategory.ObjectNotFound, false, null),
            new Row(409, "ALREADY_EXISTS", IotErrorCategory.ResourceExists, false, null, Message: "already exists"),
            new Row(409, "ABORTED", IotErrorCategory.ResourceBusy, true, 1, Message: "concurrent modification; re-read and retry"),
            new Row(429, "RESOURCE_EXHAUSTED", IotErrorCategory.QuotaExceeded, true, 9, RetryAfterHeader: 9),
            new Row(429, "RESOURCE_EXHAUSTED", IotErrorCategory.QuotaExceeded, false, null),
            new Row(499, "CANCELLED", IotErrorCategory.OperationStopped, true, 1),
            new Row(500, "INTERNAL", IotErrorCategory.ResourceUnavailable, true, 1),
            new Row(500, "UNKNOWN", IotErrorCategory.ResourceUnavailable, true, 1, DtExpressible: false),
            new Row(500, "DATA_LOSS", IotErrorCategory.InvalidResult, false, null, DtExpressible: false),
            new Row(501, "UNIMPLEMENTED", IotErrorCategory.NotImplemented, false, null),
            new Row(502, "UNAVAILABLE", IotErrorCategory.ResourceUnavailable, true, 1),
            new Row(503, "UNAVAILABLE", IotErrorCategory.ResourceUnavailable, true, 1),
            new Row(503, "UNAVAILABLE", IotErrorCategory.ResourceUnavailable, true, 3, RetryAfterHeader: 3),
            new Row(504, "DEADLINE_EXCEEDED", IotErrorCategory.OperationTimeout, true, 10),
        };

        public static IEnumerable<object[]> DtRows()
        {
            foreach (var r in All)
                if (r.DtExpressible) yield return new object[] { r };
        }

        public static IEnumerable<object[]> GoogleRows()
        {
            foreach (var r in All) yield return new object[] { r };
        }
    }
}
