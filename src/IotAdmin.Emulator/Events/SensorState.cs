namespace IotAdmin.Emulator.Events;

/// <summary>
/// One simulated device: its own seeded random (so its events are the same per --seed however the clock is driven),
/// the values that drift between events, and when each of its event types is next due.
/// </summary>
internal sealed class SensorState
{
    public SensorState(int seed, string deviceId, string deviceType)
    {
        DeviceId = deviceId;
        DeviceType = deviceType;
        Random = new Random(seed ^ StableHash(deviceId));
        Temperature = 18 + (Random.NextDouble() * 6);
        RelativeHumidity = 35 + (Random.NextDouble() * 25);
        Co2 = 450 + Random.Next(300);
        Battery = 60 + Random.Next(41);
        Total = Random.Next(5000);
    }

    public string DeviceId { get; }

    public string DeviceType { get; }

    public Random Random { get; }

    public double Temperature { get; set; }

    public double RelativeHumidity { get; set; }

    public int Co2 { get; set; }

    public int Battery { get; set; }

    public int Total { get; set; }

    public bool On { get; set; }

    /// <summary>Event type → when it is next due.</summary>
    public Dictionary<string, DateTimeOffset> Due { get; } = new(StringComparer.Ordinal);

    /// <summary>FNV-1a: string.GetHashCode differs per process, which would break determinism per seed.</summary>
    internal static int StableHash(string s)
    {
        unchecked
        {
            var h = (int)2166136261;
            foreach (var c in s) h = (h ^ c) * 16777619;
            return h;
        }
    }
}
