using System.Globalization;
using System.Text.Json.Nodes;

namespace IotAdmin.Emulator.Store;

/// <summary>A deterministic fleet per seed: one organization, N projects (the first the inventory), M devices of the real types.</summary>
internal static class FleetSeeder
{
    private static readonly (string Type, string ProductNumber, int Weight)[] Types =
    {
        ("temperature", "102058", 30), ("proximity", "102068", 12), ("touch", "102060", 8), ("humidity", "102081", 10),
        ("proximityCounter", "102092", 5), ("touchCounter", "102090", 3), ("waterDetector", "102067", 4), ("co2", "102150", 8),
        ("motion", "102101", 6), ("deskOccupancy", "102103", 6), ("contact", "102106", 4), ("ccon", "100011", 4),
    };

    private static readonly string[] Zones = { "north", "south", "east", "west" };
    private static readonly DateTimeOffset Epoch = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public static (OrganizationRecord Organization, List<ProjectRecord> Projects, List<DeviceRecord> Devices) Create(EmulatorOptions options)
    {
        var random = new Random(options.Seed);
        var organization = new OrganizationRecord(Ids.New(random), "Emulated Organization " + options.Seed);
        var projects = new List<ProjectRecord>();
        for (var i = 0; i < options.Projects; i++)
        {
            projects.Add(new ProjectRecord
            {
                Id = Ids.New(random),
                DisplayName = i == 0 ? "Inventory" : $"Building {(char)('A' + ((i - 1) % 26))}{((i - 1) / 26 == 0 ? string.Empty : ((i - 1) / 26).ToString(CultureInfo.InvariantCulture))}",
                Organization = organization,
                Inventory = i == 0,
            });
        }

        var devices = new List<DeviceRecord>(options.Devices);
        var totalWeight = Types.Sum(t => t.Weight);
        for (var n = 0; n < options.Devices; n++)
        {
            // 10 % in the inventory, the rest spread over the other projects.
            var project = projects.Count == 1 || random.NextDouble() < 0.1 ? projects[0] : projects[1 + random.Next(projects.Count - 1)];
            var pick = random.Next(totalWeight);
            var type = Types.First(t => (pick -= t.Weight) < 0);
            var emulated = random.NextDouble() < 0.02;
            var device = new DeviceRecord
            {
                Id = emulated ? Ids.New(random, "emu") : Ids.New(random),
                ProjectId = project.Id,
                Type = type.Type,
                ProductNumber = emulated ? null : type.ProductNumber,
            };
            device.Labels["name"] = (emulated ? "Emulated " : string.Empty) + type.Type + " " + (n + 1).ToString(CultureInfo.InvariantCulture);
            if (emulated) device.Labels["virtual-sensor"] = string.Empty;
            if (random.NextDouble() < 0.8) device.Labels["floor"] = (1 + random.Next(5)).ToString(CultureInfo.InvariantCulture);
            if (random.NextDouble() < 0.6) device.Labels["zone"] = Zones[random.Next(Zones.Length)];
            if (random.NextDouble() < 0.3) device.Labels["room"] = (100 + random.Next(40)).ToString(CultureInfo.InvariantCulture);
            FillReported(device.Reported, type.Type, random, neverReported: emulated && random.NextDouble() < 0.5);
            devices.Add(device);
        }

        return (organization, projects, devices);
    }

    public static void FillReported(JsonObject reported, string type, Random random, bool neverReported)
    {
        string Time() => Epoch.AddSeconds(random.Next(20 * 86400)).AddTicks(random.Next(10_000_000)).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
        if (type == "ccon")
        {
            reported["connectionStatus"] = neverReported ? null : new JsonObject { ["connection"] = random.Next(2) == 0 ? "ETHERNET" : "CELLULAR", ["available"] = new JsonArray("ETHERNET", "CELLULAR"), ["updateTime"] = Time() };
            reported["ethernetStatus"] = neverReported ? null : new JsonObject { ["macAddress"] = "f0:b5:b7:00:" + random.Next(16, 255).ToString("x2") + ":" + random.Next(16, 255).ToString("x2"), ["ipAddress"] = "10.0.0." + random.Next(2, 250), ["errors"] = new JsonArray(), ["updateTime"] = Time() };
            reported["cellularStatus"] = neverReported ? null : new JsonObject { ["signalStrength"] = random.Next(101), ["errors"] = new JsonArray(), ["updateTime"] = Time() };
            reported["connectionLatency"] = null;
            return;
        }

        reported["networkStatus"] = neverReported ? null : new JsonObject
        {
            ["signalStrength"] = random.Next(101),
            ["rssi"] = -random.Next(40, 100),
            ["updateTime"] = Time(),
            ["cloudConnectors"] = new JsonArray(new JsonObject { ["id"] = "emulated-ccon", ["signalStrength"] = random.Next(101), ["rssi"] = -random.Next(40, 100) }),
            ["transmissionMode"] = "LOW_POWER_STANDARD_MODE",
        };
        reported["batteryStatus"] = neverReported ? null : new JsonObject { ["percentage"] = random.Next(101), ["updateTime"] = Time() };
        JsonNode? Event(Func<JsonObject> make) => neverReported ? null : make();
        switch (type)
        {
            case "temperature":
                var t = Math.Round(15 + (random.NextDouble() * 12), 2);
                reported["temperature"] = Event(() => new JsonObject { ["value"] = t, ["updateTime"] = Time(), ["samples"] = new JsonArray(new JsonObject { ["value"] = t, ["sampleTime"] = Time() }), ["isBackfilled"] = false });
                reported["touch"] = Event(() => new JsonObject { ["updateTime"] = Time() });
                break;
            case "humidity":
                reported["humidity"] = Event(() => new JsonObject { ["temperature"] = Math.Round(18 + (random.NextDouble() * 6), 2), ["relativeHumidity"] = Math.Round(30 + (random.NextDouble() * 40), 1), ["updateTime"] = Time(), ["samples"] = new JsonArray(), ["isBackfilled"] = false });
                break;
            case "proximity":
                reported["objectPresent"] = Event(() => new JsonObject { ["state"] = random.Next(2) == 0 ? "PRESENT" : "NOT_PRESENT", ["updateTime"] = Time() });
                break;
            case "touch":
                reported["touch"] = Event(() => new JsonObject { ["updateTime"] = Time() });
                break;
            case "proximityCounter":
                reported["objectPresentCount"] = Event(() => new JsonObject { ["total"] = random.Next(10_000), ["updateTime"] = Time() });
                break;
            case "touchCounter":
                reported["touchCount"] = Event(() => new JsonObject { ["total"] = random.Next(10_000), ["updateTime"] = Time() });
                break;
            case "waterDetector":
                reported["waterPresent"] = Event(() => new JsonObject { ["state"] = random.Next(10) == 0 ? "PRESENT" : "NOT_PRESENT", ["updateTime"] = Time() });
                break;
            case "co2":
                reported["co2"] = Event(() => new JsonObject { ["ppm"] = 400 + random.Next(1200), ["updateTime"] = Time() });
                reported["pressure"] = Event(() => new JsonObject { ["pascal"] = 98_000 + random.Next(5000), ["updateTime"] = Time() });
                break;
            case "motion":
                reported["motion"] = Event(() => new JsonObject { ["state"] = random.Next(2) == 0 ? "MOTION_DETECTED" : "NO_MOTION_DETECTED", ["updateTime"] = Time() });
                break;
            case "deskOccupancy":
                reported["deskOccupancy"] = Event(() => new JsonObject { ["state"] = random.Next(2) == 0 ? "OCCUPIED" : "NOT_OCCUPIED", ["remarks"] = new JsonArray(), ["updateTime"] = Time() });
                break;
            case "contact":
                reported["contact"] = Event(() => new JsonObject { ["state"] = random.Next(2) == 0 ? "OPEN" : "CLOSED", ["updateTime"] = Time() });
                break;
        }
    }
}
