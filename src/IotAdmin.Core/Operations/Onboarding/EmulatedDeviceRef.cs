namespace IotAdmin.Operations.Onboarding
{
    /// <summary>An emulated device from the pipeline: its project, id and (when known) type.</summary>
    internal sealed class EmulatedDeviceRef
    {
        public EmulatedDeviceRef(string projectId, string deviceId, string? type, object? source = null)
        {
            ProjectId = projectId;
            DeviceId = deviceId;
            Type = type;
            Source = source;
        }

        /// <summary>The piped object (what -PassThru writes on), or null.</summary>
        public object? Source { get; }

        public string ProjectId { get; }

        public string DeviceId { get; }

        public string? Type { get; }

        public override string ToString() => "projects/" + ProjectId + "/devices/" + DeviceId;
    }
}
