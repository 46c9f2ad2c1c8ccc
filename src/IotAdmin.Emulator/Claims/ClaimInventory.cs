using System.Text.Json.Nodes;
using IotAdmin.Emulator.Api;
using IotAdmin.Emulator.Store;

namespace IotAdmin.Emulator.Claims;

/// <summary>
/// Hardware not yet in any project (dt-api-admin.md §8): --kits kits of 10–40 sensors and a cloud connector or two,
/// and ten loose devices per kit, deterministic per --seed; a few loose ones are already claimed elsewhere. A claim
/// moves devices into the project's fleet, where the simulated fleet picks them up. The fleet's own devices count as
/// claimed. One lock; the fleet store's lock is taken inside it, never the other way round.
/// </summary>
internal sealed class ClaimInventory
{
    private static readonly (string Type, string ProductNumber)[] Types =
    {
        ("temperature", "102058"), ("proximity", "102068"), ("touch", "102060"), ("humidity", "102081"), ("co2", "102150"),
        ("motion", "102101"), ("deskOccupancy", "102103"), ("contact", "102106"), ("waterDetector", "102067"),
    };

    private readonly object _lock = new();
    private readonly EmulatorOptions _options;
    private readonly FleetStore _store;
    private Dictionary<string, Kit> _kits = new(StringComparer.Ordinal);
    private Dictionary<string, Item> _devices = new(StringComparer.Ordinal);

    public ClaimInventory(EmulatorOptions options, FleetStore store)
    {
        _options = options;
        _store = store;
        Reset();
    }

    /// <summary>Claim calls answered (dry runs included) and devices actually claimed, for the control API.</summary>
    public int ClaimCalls { get; private set; }

    public int DryRuns { get; private set; }

    public int Claimed { get; private set; }

    public void Reset()
    {
        var random = new Random(_options.Seed ^ 0x0c1a);
        var kits = new Dictionary<string, Kit>(StringComparer.Ordinal);
        var devices = new Dictionary<string, Item>(StringComparer.Ordinal);
        Item NewItem(string? kitId, string type, string productNumber)
        {
            var item = new Item(Ids.New(random), type, productNumber, kitId);
            devices[item.DeviceId] = item;
            return item;
        }

        for (var k = 0; k < _options.Kits; k++)
        {
            var kit = new Kit(Ids.New(random), $"Starter kit {k + 1}");
            kits[kit.KitId] = kit;
            var sensors = 10 + random.Next(31);
            for (var i = 0; i < sensors; i++)
            {
                var t = Types[random.Next(Types.Length)];
                kit.Devices.Add(NewItem(kit.KitId, t.Type, t.ProductNumber));
            }

            for (var i = 0; i <= random.Next(2); i++) kit.Devices.Add(NewItem(kit.KitId, "ccon", "100011"));
        }

        for (var n = 0; n < _options.Kits * 10; n++)
        {
            var t = Types[random.Next(Types.Length)];
            NewItem(null, t.Type, t.ProductNumber).ClaimedElsewhere = random.NextDouble() < 0.05;
        }

        lock (_lock)
        {
            _kits = kits;
            _devices = devices;
            ClaimCalls = DryRuns = Claimed = 0;
        }
    }

    /// <summary>GET /claimInfo: {"type":"KIT","kit":{…}} or {"type":"DEVICE","device":{…}}; null when unknown.</summary>
    public JsonObject? Info(string identifier)
    {
        lock (_lock)
        {
            if (_kits.TryGetValue(identifier, out var kit))
            {
                var sensors = kit.Devices.Where(d => d.Type != "ccon").ToList();
                var ccons = kit.Devices.Where(d => d.Type == "ccon").ToList();
                return new JsonObject
                {
                    ["type"] = "KIT",
                    ["kit"] = new JsonObject
                    {
                        ["kitId"] = kit.KitId,
                        ["displayName"] = kit.DisplayName,
                        ["sensors"] = Counts(sensors),
                        ["cloudConnectors"] = Counts(ccons),
                        ["devices"] = new JsonArray(kit.Devices.Select(d => (JsonNode)d.ToJson()).ToArray()),
                    },
                };
            }

            if (_devices.TryGetValue(identifier, out var item)) return new JsonObject { ["type"] = "DEVICE", ["device"] = item.ToJson() };
            var fleet = _store.Read(v => v.DeviceForWrite(identifier));
            return fleet == null ? null : new JsonObject
            {
                ["type"] = "DEVICE",
                ["device"] = new JsonObject { ["deviceId"] = fleet.Id, ["deviceType"] = fleet.Type, ["productNumber"] = fleet.ProductNumber ?? string.Empty, ["isClaimed"] = true },
            };
        }
    }

    /// <summary>POST devices:claim: claims (or, dry, only checks) kits and devices into a project; per-item errors, never a failure of the whole call.</summary>
    public JsonObject Claim(string projectId, IReadOnlyList<string> kitIds, IReadOnlyList<string> deviceIds, bool dryRun)
    {
        lock (_lock)
        {
            ClaimCalls++;
            if (dryRun) DryRuns++;
            var claimed = new List<Item>();
            var deviceErrors = new JsonArray();
            var kitErrors = new JsonArray();
            foreach (var kitId in kitIds.Distinct(StringComparer.Ordinal))
            {
                if (!_kits.TryGetValue(kitId, out var kit)) kitErrors.Add(Error("kitId", kitId, "NOT_FOUND", "The kit was not found"));
                else if (kit.Devices.All(d => d.IsClaimed)) kitErrors.Add(Error("kitId", kitId, "ALREADY_CLAIMED", "The kit was previously claimed"));
                else claimed.AddRange(kit.Devices.Where(d => !d.IsClaimed));
            }

            foreach (var deviceId in deviceIds.Distinct(StringComparer.Ordinal))
            {
                if (_devices.TryGetValue(deviceId, out var item))
                {
                    if (item.IsClaimed) deviceErrors.Add(Error("deviceId", deviceId, "ALREADY_CLAIMED", "The device was previously claimed"));
                    else if (!claimed.Contains(item)) claimed.Add(item);
                }
                else if (_store.Read(v => v.DeviceForWrite(deviceId)) != null)
                {
                    deviceErrors.Add(Error("deviceId", deviceId, "ALREADY_CLAIMED", "The device was previously claimed"));
                }
                else
                {
                    deviceErrors.Add(Error("deviceId", deviceId, "NOT_FOUND", "The device was not found"));
                }
            }

            var answer = new JsonArray();
            foreach (var item in claimed)
            {
                if (!dryRun)
                {
                    item.ProjectId = projectId;
                    Claimed++;
                    _store.Read(v =>
                    {
                        v.AddDevice(new DeviceRecord { Id = item.DeviceId, ProjectId = projectId, Type = item.Type, ProductNumber = item.ProductNumber, Labels = { ["name"] = item.Type + " " + item.DeviceId[^4..] } });
                        return 0;
                    });
                }

                answer.Add(item.ToJson(claimedNow: true)); // a dry run answers exactly what the claim would
            }

            return new JsonObject { ["claimedDevices"] = answer, ["claimErrors"] = new JsonObject { ["devices"] = deviceErrors, ["kits"] = kitErrors } };
        }
    }

    /// <summary>For the control API: every kit with its device ids, the loose devices, and the counters.</summary>
    public JsonObject ToJson()
    {
        lock (_lock)
        {
            return new JsonObject
            {
                ["kits"] = new JsonArray(_kits.Values.Select(k => (JsonNode)new JsonObject { ["kitId"] = k.KitId, ["deviceIds"] = new JsonArray(k.Devices.Select(d => (JsonNode)d.DeviceId).ToArray()) }).ToArray()),
                ["devices"] = new JsonArray(_devices.Values.Where(d => d.KitId == null).Select(d => (JsonNode)new JsonObject { ["deviceId"] = d.DeviceId, ["isClaimed"] = d.IsClaimed }).ToArray()),
                ["claimCalls"] = ClaimCalls,
                ["dryRuns"] = DryRuns,
                ["claimed"] = Claimed,
            };
        }
    }

    private static JsonObject Counts(List<Item> items) => new() { ["totalCount"] = items.Count, ["claimedCount"] = items.Count(d => d.IsClaimed) };

    private static JsonObject Error(string key, string id, string code, string message) => new() { [key] = id, ["code"] = code, ["message"] = message };

    private sealed record Kit(string KitId, string DisplayName)
    {
        public List<Item> Devices { get; } = new();
    }

    private sealed class Item
    {
        public Item(string deviceId, string type, string productNumber, string? kitId)
        {
            DeviceId = deviceId;
            Type = type;
            ProductNumber = productNumber;
            KitId = kitId;
        }

        public string DeviceId { get; }

        public string Type { get; }

        public string ProductNumber { get; }

        public string? KitId { get; }

        public bool ClaimedElsewhere { get; set; }

        public string? ProjectId { get; set; }

        public bool IsClaimed => ClaimedElsewhere || ProjectId != null;

        public JsonObject ToJson(bool claimedNow = false) =>
            new() { ["deviceId"] = DeviceId, ["deviceType"] = Type, ["productNumber"] = ProductNumber, ["isClaimed"] = IsClaimed || claimedNow };
    }
}
