namespace IotAdmin.Emulator.Api;

/// <summary>A failure a handler answers with; <see cref="ErrorWriter"/> turns it into a body of the current style.</summary>
internal sealed class ApiError : Exception
{
    public ApiError(int status, string message, string? canonical = null, string? field = null, TimeSpan? retryAfter = null, string? reason = null)
        : base(message)
    {
        Status = status;
        Canonical = canonical ?? CanonicalFor(status, message);
        Field = field;
        RetryAfter = retryAfter;
        Reason = reason;
    }

    public int Status { get; }

    public string Canonical { get; }

    /// <summary>The request field at fault (google.rpc.BadRequest), if any.</summary>
    public string? Field { get; }

    public TimeSpan? RetryAfter { get; }

    public string? Reason { get; }

    public static ApiError BadRequest(string message, string? field = null) => new(400, message, "INVALID_ARGUMENT", field);

    public static ApiError NotFound(string message) => new(404, message, "NOT_FOUND");

    /// <summary>google.rpc.Code for an HTTP status (error-model.md §3).</summary>
    public static string CanonicalFor(int status, string? message = null) => status switch
    {
        400 => "INVALID_ARGUMENT",
        401 => "UNAUTHENTICATED",
        403 => "PERMISSION_DENIED",
        404 => "NOT_FOUND",
        405 => "UNIMPLEMENTED",
        408 => "DEADLINE_EXCEEDED",
        409 => message != null && message.Contains("already exists", StringComparison.OrdinalIgnoreCase) ? "ALREADY_EXISTS" : "ABORTED",
        429 => "RESOURCE_EXHAUSTED",
        499 => "CANCELLED",
        501 => "UNIMPLEMENTED",
        502 or 503 => "UNAVAILABLE",
        504 => "DEADLINE_EXCEEDED",
        >= 500 => "INTERNAL",
        _ => "UNKNOWN",
    };
}
