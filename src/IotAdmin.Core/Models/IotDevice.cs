using System;
using System.Collections.Generic;
using System.Linq;

namespace IotAdmin.Models
{
    /// <summary>
    /// A sensor or cloud connector. Carries ProjectId and DeviceId so that <c>Get-IotDevice | Set-IotLabel</c> and
    /// <c>| Move-IotDevice</c> bind by property name. Unknown device types are kept as they come.
    /// </summary>
    public sealed class IotDevice
    {
        public string ProjectId { get; internal set; } = string.Empty;

        public string DeviceId { get; internal set; } = string.Empty;

        /// <summary>The resource name, "projects/{p}/devices/{d}".</summary>
        public string Name { get; internal set; } = string.Empty;

        /// <summary>The label "name" (DT's display name), or null when the device has none.</summary>
        public string? DisplayName => Labels.TryGetValue("name", out var n) ? n : null;

        /// <summary>temperature, proximity, touch, humidity, co2, ccon, … (any string the server sends).</summary>
        public string Type { get; internal set; } = string.Empty;

        public string? ProductNumber { get; internal set; }

        /// <summary>Cloud IoT Core's numeric id (an int64, kept as a string); null for DT devices.</summary>
        public string? NumId { get; internal set; }

        /// <summary>Labels, key → value (a value may be ""). Keys are case-sensitive, as on the server.</summary>
        public IReadOnlyDictionary<string, string> Labels { get; internal set; } = new Dictionary<string, string>(StringComparer.Ordinal);

        public IotReportedState Reported { get; internal set; } = new IotReportedState();

        /// <summary>DT's emulated devices: ids "emu" + 20 characters.</summary>
        public bool IsEmulated => DeviceId.StartsWith("emu", StringComparison.Ordinal) && DeviceId.Length == 23;

        /// <summary>Battery percentage, when reported.</summary>
        public int? BatteryPercentage => Reported.BatteryStatus?.Percentage;

        /// <summary>Signal strength in percent, when reported.</summary>
        public int? SignalStrength => Reported.NetworkStatus?.SignalStrength;

        /// <summary>The latest updateTime of any reported event.</summary>
        public DateTimeOffset? LastSeen => Reported.LastUpdateTime;

        /// <summary>Labels as one short line ("floor=3, zone=north"), for table views.</summary>
        public string LabelText => string.Join(", ", Labels.Where(l => l.Key != "name").OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Value.Length == 0 ? l.Key : l.Key + "=" + l.Value));

        public override string ToString() => Name;

        /// <summary>A copy with other labels and/or another project (what a bulk change made of this device).</summary>
        internal IotDevice With(IReadOnlyDictionary<string, string>? labels = null, string? projectId = null) => new IotDevice
        {
            ProjectId = projectId ?? ProjectId,
            DeviceId = DeviceId,
            Name = projectId == null ? Name : "projects/" + projectId + "/devices/" + DeviceId,
            Type = Type,
            ProductNumber = ProductNumber,
            NumId = NumId,
            Labels = labels ?? Labels,
            Reported = Reported,
        };
    }
}
