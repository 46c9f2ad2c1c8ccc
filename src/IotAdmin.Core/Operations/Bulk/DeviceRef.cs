using IotAdmin.Models;
using IotAdmin.Validation;

namespace IotAdmin.Operations.Bulk
{
    /// <summary>
    /// One device from the pipeline: an IotDevice object, or ids (a plain id, or a name "projects/p/devices/d").
    /// When the object is known, its labels let a bulk command refuse a change the device cannot take (too many
    /// labels) before sending, and -PassThru emit the changed device without a re-read; the device is sent either way.
    /// </summary>
    internal sealed class DeviceRef
    {
        private DeviceRef(string? projectId, string deviceId, IotDevice? device)
        {
            ProjectId = projectId;
            DeviceId = deviceId;
            Device = device;
        }

        public string? ProjectId { get; internal set; }

        public string DeviceId { get; }

        public IotDevice? Device { get; }

        public static DeviceRef FromDevice(IotDevice device) => new DeviceRef(device.ProjectId, device.DeviceId, device);

        /// <summary>A device id or name; a project named in the name wins over <paramref name="projectId"/>.</summary>
        public static DeviceRef FromIds(string? projectId, string deviceIdOrName)
        {
            var split = InputRules.SplitDeviceReference(deviceIdOrName ?? string.Empty);
            return new DeviceRef(split.Key ?? (string.IsNullOrWhiteSpace(projectId) ? null : projectId!.Trim()), split.Value, null);
        }

        public override string ToString() => ProjectId == null ? DeviceId : "projects/" + ProjectId + "/devices/" + DeviceId;
    }
}
