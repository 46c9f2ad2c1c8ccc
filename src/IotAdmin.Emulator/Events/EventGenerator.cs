using System.Text.Json.Nodes;

namespace IotAdmin.Emulator.Events;

/// <summary>
/// The data of one event of a type (the object under data.&lt;type&gt;), with every key DT's clients read
/// (dt-api-admin.md §6): temperature value/samples/isBackfilled, networkStatus cloudConnectors/transmissionMode, etc.
/// Values drift plausibly from the device's previous ones.
/// </summary>
internal static class EventGenerator
{
    public static JsonObject Make(string eventType, SensorState s, DateTimeOffset time, TimeSpan interval)
    {
        var r = s.Random;
        var now = EventTime.Format(time);
        switch (eventType)
        {
            case "temperature":
                var readings = Samples(s, time, interval, humidity: false); // the value is the newest sample
                return new JsonObject { ["value"] = Round(s.Temperature, 2), ["updateTime"] = now, ["samples"] = readings, ["isBackfilled"] = false };
            case "humidity":
                var samples = Samples(s, time, interval, humidity: true);
                return new JsonObject { ["temperature"] = Round(s.Temperature, 2), ["relativeHumidity"] = Round(s.RelativeHumidity, 1), ["updateTime"] = now, ["samples"] = samples, ["isBackfilled"] = false };
            case "co2":
                s.Co2 = Math.Clamp(s.Co2 + r.Next(-40, 41), 400, 2000);
                return new JsonObject { ["ppm"] = s.Co2, ["updateTime"] = now };
            case "pressure":
                return new JsonObject { ["pascal"] = 100_000 + r.Next(-2000, 2000), ["updateTime"] = now };
            case "objectPresent":
                s.On = !s.On;
                return new JsonObject { ["state"] = s.On ? "PRESENT" : "NOT_PRESENT", ["updateTime"] = now };
            case "objectPresentCount":
            case "touchCount":
                s.Total += r.Next(0, 4);
                return new JsonObject { ["total"] = s.Total, ["updateTime"] = now };
            case "waterPresent":
                return new JsonObject { ["state"] = r.Next(20) == 0 ? "PRESENT" : "NOT_PRESENT", ["updateTime"] = now };
            case "motion":
                s.On = !s.On;
                return new JsonObject { ["state"] = s.On ? "MOTION_DETECTED" : "NO_MOTION_DETECTED", ["updateTime"] = now };
            case "deskOccupancy":
                s.On = !s.On;
                return new JsonObject { ["state"] = s.On ? "OCCUPIED" : "NOT_OCCUPIED", ["remarks"] = new JsonArray(), ["updateTime"] = now };
            case "contact":
                s.On = !s.On;
                return new JsonObject { ["state"] = s.On ? "OPEN" : "CLOSED", ["updateTime"] = now };
            case "probeWireStatus":
                return new JsonObject { ["state"] = "THREE_WIRE", ["updateTime"] = now };
            case "networkStatus":
                var signal = r.Next(40, 101);
                var rssi = -(100 - (signal / 2));
                return new JsonObject
                {
                    ["signalStrength"] = signal,
                    ["rssi"] = rssi,
                    ["updateTime"] = now,
                    ["cloudConnectors"] = new JsonArray(new JsonObject { ["id"] = "emulated-ccon", ["signalStrength"] = signal, ["rssi"] = rssi }),
                    ["transmissionMode"] = r.Next(10) == 0 ? "HIGH_POWER_BOOST_MODE" : "LOW_POWER_STANDARD_MODE",
                };
            case "batteryStatus":
                if (r.Next(4) == 0 && s.Battery > 1) s.Battery--;
                return new JsonObject { ["percentage"] = s.Battery, ["updateTime"] = now };
            case "connectionStatus":
                var cellular = r.Next(10) == 0;
                return new JsonObject { ["connection"] = cellular ? "CELLULAR" : "ETHERNET", ["available"] = new JsonArray("ETHERNET", "CELLULAR"), ["updateTime"] = now };
            case "ethernetStatus":
                return new JsonObject { ["macAddress"] = Mac(s.DeviceId), ["ipAddress"] = "10.0.0." + (2 + (Math.Abs(SensorState.StableHash(s.DeviceId)) % 250)), ["errors"] = new JsonArray(), ["updateTime"] = now };
            case "cellularStatus":
                return new JsonObject { ["signalStrength"] = r.Next(30, 101), ["errors"] = new JsonArray(), ["updateTime"] = now };
            default: // touch, and any type without data of its own
                return new JsonObject { ["updateTime"] = now };
        }
    }

    /// <summary>Three samples over the last interval, the newest at the event's time (2nd-generation sensors).</summary>
    private static JsonArray Samples(SensorState s, DateTimeOffset time, TimeSpan interval, bool humidity)
    {
        var samples = new JsonArray();
        for (var i = 2; i >= 0; i--)
        {
            s.Temperature = Math.Clamp(s.Temperature + ((s.Random.NextDouble() - 0.5) * 0.4), -30, 60);
            s.RelativeHumidity = Math.Clamp(s.RelativeHumidity + ((s.Random.NextDouble() - 0.5) * 1.0), 5, 95);
            var at = EventTime.Format(time - (interval * i / 3));
            samples.Add(humidity
                ? new JsonObject { ["temperature"] = Round(s.Temperature, 2), ["relativeHumidity"] = Round(s.RelativeHumidity, 1), ["sampleTime"] = at }
                : new JsonObject { ["value"] = Round(s.Temperature, 2), ["sampleTime"] = at });
        }

        return samples;
    }

    private static double Round(double v, int digits) => Math.Round(v, digits, MidpointRounding.AwayFromZero);

    private static string Mac(string deviceId)
    {
        var h = (uint)SensorState.StableHash(deviceId);
        return $"f0:b5:b7:{(h >> 16) & 0xff:x2}:{(h >> 8) & 0xff:x2}:{h & 0xff:x2}";
    }
}
