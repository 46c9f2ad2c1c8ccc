namespace IotAdmin.Emulator.Events;

/// <summary>
/// How often each event type comes, in multiples of the fleet's event interval (--event-interval, 15 min by default,
/// the heartbeat of DT's sensors): measurements every interval, network status every 4, battery every 96 (a day at the
/// default); state changes (touch, objectPresent, motion…) at random with a mean gap.
/// </summary>
internal static class EventSchedule
{
    private static readonly Dictionary<string, (double Every, bool Random)> Rules = new(StringComparer.Ordinal)
    {
        ["temperature"] = (1, false), ["humidity"] = (1, false), ["co2"] = (1, false), ["pressure"] = (1, false),
        ["objectPresentCount"] = (1, false), ["touchCount"] = (1, false), ["networkStatus"] = (4, false),
        ["batteryStatus"] = (96, false), ["connectionStatus"] = (4, false), ["ethernetStatus"] = (16, false),
        ["cellularStatus"] = (16, false), ["objectPresent"] = (3, true), ["motion"] = (3, true),
        ["deskOccupancy"] = (4, true), ["contact"] = (4, true), ["waterPresent"] = (16, true), ["touch"] = (24, true),
        ["probeWireStatus"] = (96, true),
    };

    /// <summary>The first time an event type is due after <paramref name="from"/> (periodic ones at a random phase).</summary>
    public static DateTimeOffset First(string eventType, SensorState s, DateTimeOffset from, TimeSpan interval)
    {
        var (every, random) = Rule(eventType);
        return random ? Next(eventType, s, from, interval) : from + (interval * every * s.Random.NextDouble());
    }

    public static DateTimeOffset Next(string eventType, SensorState s, DateTimeOffset after, TimeSpan interval)
    {
        var (every, random) = Rule(eventType);
        if (!random) return after + (interval * every);
        var gap = -Math.Log(1 - s.Random.NextDouble()) * every; // exponential: "now and then"
        return after + (interval * Math.Max(0.05, gap));
    }

    private static (double, bool) Rule(string eventType) => Rules.TryGetValue(eventType, out var r) ? r : (24, true);
}
