using System;

namespace IotAdmin.Models
{
    /// <summary>
    /// One event of a device (dt-api-admin.md §6), from history or a stream. The flat properties export well
    /// (Export-Csv); <see cref="Data"/> keeps everything the server sent for the type.
    /// </summary>
    public sealed class IotEvent
    {
        /// <summary>The server's event id (an xid): unique, the key that tells a repeat apart.</summary>
        public string EventId { get; internal set; } = string.Empty;

        public string ProjectId { get; internal set; } = string.Empty;

        public string DeviceId { get; internal set; } = string.Empty;

        /// <summary>temperature, touch, objectPresent, humidity, networkStatus, … (types this version does not know too).</summary>
        public string EventType { get; internal set; } = string.Empty;

        public DateTimeOffset Timestamp { get; internal set; }

        /// <summary>What a person reads first: "21.50 °C", "45.0 %RH", "PRESENT", "612 ppm", "87 %" …; empty when there is none.</summary>
        public string Value { get; internal set; } = string.Empty;

        /// <summary>The main number of the event (°C, %RH, ppm, Pa, count, %, signal strength), for sorting and export.</summary>
        public double? Number { get; internal set; }

        /// <summary>The unit of <see cref="Number"/>: °C, %RH, ppm, Pa, %, or empty.</summary>
        public string Unit { get; internal set; } = string.Empty;

        /// <summary>The event's data for its type (data.&lt;eventType&gt;; labelsChanged's whole data), as the server sent it.</summary>
        public IotEventData Data { get; internal set; } = new IotEventData();

        /// <summary>"projects/{p}/devices/{d}".</summary>
        public string TargetName { get; internal set; } = string.Empty;

        public override string ToString() => Timestamp.ToString("u") + " " + DeviceId + " " + EventType + (Value.Length == 0 ? string.Empty : " " + Value);
    }
}
