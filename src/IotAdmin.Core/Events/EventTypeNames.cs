using System.Collections.Generic;

namespace IotAdmin.Events
{
    /// <summary>DT's event types (dt-api-admin.md §6), for -EventType completion; the server may send others.</summary>
    internal static class EventTypeNames
    {
        public static readonly IReadOnlyList<string> All = new[]
        {
            "temperature", "humidity", "co2", "pressure", "touch", "touchCount", "objectPresent", "objectPresentCount",
            "waterPresent", "motion", "contact", "deskOccupancy", "probeWireStatus", "networkStatus", "batteryStatus",
            "connectionStatus", "ethernetStatus", "cellularStatus", "labelsChanged",
        };
    }
}
