namespace IotAdmin.Operations.Changes
{
    /// <summary>One device of a change plan, as the pipeline gave it (the project may be unknown), and what it should become.</summary>
    internal sealed class PlannedDevice
    {
        public PlannedDevice(string? projectId, string deviceId, DeviceChange change)
        {
            ProjectId = projectId;
            DeviceId = deviceId;
            Change = change;
        }

        public string? ProjectId { get; }

        public string DeviceId { get; }

        public DeviceChange Change { get; }

        public override string ToString() => ProjectId == null ? DeviceId : "projects/" + ProjectId + "/devices/" + DeviceId;
    }
}
