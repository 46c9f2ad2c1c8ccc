using System;
using System.Collections.Generic;
using System.Linq;

namespace IotAdmin.Models
{
    /// <summary>
    /// What a kit or device id on a label stands for before it is claimed (Get-IotClaimInfo): KIT with its devices and
    /// counts, or DEVICE (one device, Devices holds it).
    /// </summary>
    public sealed class IotClaimInfo
    {
        /// <summary>The id asked about.</summary>
        public string Identifier { get; internal set; } = string.Empty;

        /// <summary>"KIT" or "DEVICE".</summary>
        public string Type { get; internal set; } = string.Empty;

        /// <summary>The kit's id (null for a device).</summary>
        public string? KitId { get; internal set; }

        public string? DisplayName { get; internal set; }

        public int SensorCount { get; internal set; }

        public int SensorsClaimed { get; internal set; }

        public int CloudConnectorCount { get; internal set; }

        public int CloudConnectorsClaimed { get; internal set; }

        /// <summary>The kit's devices, or the one device.</summary>
        public IReadOnlyList<IotClaimDevice> Devices { get; internal set; } = Array.Empty<IotClaimDevice>();

        public int DeviceCount => Devices.Count;

        public int ClaimedCount => Devices.Count(d => d.IsClaimed);

        /// <summary>True when nothing of it is left to claim.</summary>
        public bool IsClaimed => Devices.Count > 0 && Devices.All(d => d.IsClaimed);

        public override string ToString() => Type + " " + Identifier;
    }

    /// <summary>One device in claim info: id, type, product number and whether it is claimed (by any project).</summary>
    public sealed class IotClaimDevice
    {
        public string DeviceId { get; internal set; } = string.Empty;

        public string DeviceType { get; internal set; } = string.Empty;

        public string? ProductNumber { get; internal set; }

        public bool IsClaimed { get; internal set; }

        /// <summary>"Claimed" or "Unclaimed" (the table views' state column).</summary>
        public string State => IsClaimed ? "Claimed" : "Unclaimed";

        public override string ToString() => DeviceId;
    }
}
