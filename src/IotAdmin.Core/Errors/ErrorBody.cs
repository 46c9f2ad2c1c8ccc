using System;
using System.Collections.Generic;

namespace IotAdmin.Errors
{
    /// <summary>What an error answer's body says, whatever its shape. Produced only by <see cref="ErrorBodyParser"/>.</summary>
    internal sealed class ErrorBody
    {
        public static readonly ErrorBody Empty = new ErrorBody();

        public ErrorBodyStyle Style { get; internal set; }

        /// <summary>The canonical status the body names (normalised), or null when it names none.</summary>
        public string? Status { get; internal set; }

        /// <summary>The server's message, bounded and stripped of control characters.</summary>
        public string? Message { get; internal set; }

        public string? HelpUri { get; internal set; }

        /// <summary>google.rpc.RetryInfo.retryDelay, when present.</summary>
        public TimeSpan? RetryDelay { get; internal set; }

        public IReadOnlyList<IotFieldViolation> FieldViolations { get; internal set; } = Array.Empty<IotFieldViolation>();

        /// <summary>google.rpc.ErrorInfo.reason (or the legacy errors[0].reason, or the OAuth2 error code).</summary>
        public string? Reason { get; internal set; }

        public string? Domain { get; internal set; }

        /// <summary>QuotaFailure / PreconditionFailure violations and ResourceInfo, in words.</summary>
        public IReadOnlyList<string> Violations { get; internal set; } = Array.Empty<string>();

        /// <summary>The start of a body that is not JSON of a known shape, for the message (never the whole body).</summary>
        public string? RawExcerpt { get; internal set; }
    }
}
