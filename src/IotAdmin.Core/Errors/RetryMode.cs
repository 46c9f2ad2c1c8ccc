namespace IotAdmin.Errors
{
    /// <summary>How a failure may be retried (the "retry" column of error-model.md §2).</summary>
    internal enum RetryMode
    {
        /// <summary>Do not retry: the request must change first.</summary>
        Never,
        /// <summary>Retry with exponential backoff from the rule's minimum wait (server hints are a floor).</summary>
        Backoff,
        /// <summary>Retry only when the server said how long to wait (429 with Retry-After or RetryInfo).</summary>
        ServerHint,
        /// <summary>Concurrent change: re-read the resource, re-apply, retry with backoff.</summary>
        ReRead,
        /// <summary>Refresh the access token once and resend once; the auth layer does this, never the retry loop.</summary>
        RefreshTokenOnce,
    }
}
