namespace IotAdmin.Emulator.Events;

/// <summary>The event types of dt-api-admin.md §6 and which device types send which.</summary>
internal static class EventTypes
{
    public const string LabelsChanged = "labelsChanged";

    public const string Ping = "ping";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "touch", "temperature", "objectPresent", "humidity", "objectPresentCount", "touchCount", "waterPresent",
        "networkStatus", "batteryStatus", LabelsChanged, "connectionStatus", "ethernetStatus", "cellularStatus", "co2",
        "pressure", "motion", "deskOccupancy", "contact", "probeWireStatus",
    };

    /// <summary>The events a device of a type sends (besides labelsChanged); a cloud connector sends its own status events.</summary>
    public static IReadOnlyList<string> SentBy(string deviceType) => deviceType switch
    {
        "ccon" => new[] { "connectionStatus", "ethernetStatus", "cellularStatus" },
        "temperature" => new[] { "temperature", "touch", "networkStatus", "batteryStatus" },
        "humidity" => new[] { "humidity", "touch", "networkStatus", "batteryStatus" },
        "proximity" => new[] { "objectPresent", "touch", "networkStatus", "batteryStatus" },
        "touch" => new[] { "touch", "networkStatus", "batteryStatus" },
        "proximityCounter" => new[] { "objectPresentCount", "touch", "networkStatus", "batteryStatus" },
        "touchCounter" => new[] { "touchCount", "networkStatus", "batteryStatus" },
        "waterDetector" => new[] { "waterPresent", "touch", "networkStatus", "batteryStatus" },
        "co2" => new[] { "co2", "pressure", "humidity", "touch", "networkStatus", "batteryStatus" },
        "motion" => new[] { "motion", "touch", "networkStatus", "batteryStatus" },
        "deskOccupancy" => new[] { "deskOccupancy", "touch", "networkStatus", "batteryStatus" },
        "contact" => new[] { "contact", "touch", "networkStatus", "batteryStatus" },
        "temperatureProbe" => new[] { "temperature", "probeWireStatus", "touch", "networkStatus", "batteryStatus" },
        _ => new[] { "touch", "networkStatus", "batteryStatus" },
    };
}
