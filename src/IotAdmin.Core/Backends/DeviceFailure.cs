namespace IotAdmin.Backends
{
    /// <summary>One device that a batch call could not change (batchErrors / transferErrors).</summary>
    public sealed class DeviceFailure
    {
        public DeviceFailure(string projectId, string deviceId, string status, string? message)
        {
            ProjectId = projectId;
            DeviceId = deviceId;
            Status = status;
            Message = message;
        }

        public string ProjectId { get; }

        public string DeviceId { get; }

        /// <summary>The canonical status (NOT_FOUND, INVALID_ARGUMENT, INTERNAL, …).</summary>
        public string Status { get; }

        public string? Message { get; }
    }
}
