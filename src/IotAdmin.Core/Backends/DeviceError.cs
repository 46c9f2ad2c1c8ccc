namespace IotAdmin.Backends
{
    /// <summary>
    /// One device that a mutation could not change, with the error the backend built from the call it really made
    /// (its method, path, status, server message, retry hint): a batchErrors entry, or a per-device request's failure.
    /// </summary>
    internal sealed class DeviceError
    {
        /// <param name="deviceId">The device.</param>
        /// <param name="error">What failed, as the call was made.</param>
        /// <param name="mayResend">False when the error already ended its own retries (a whole call that ran out of attempts).</param>
        public DeviceError(string deviceId, IotApiException error, bool mayResend = true)
        {
            DeviceId = deviceId;
            Error = error;
            MayResend = mayResend;
        }

        public string DeviceId { get; }

        public IotApiException Error { get; }

        /// <summary>Whether the bulk operation may send this device again when <see cref="Error"/> is retryable.</summary>
        public bool MayResend { get; }
    }
}
