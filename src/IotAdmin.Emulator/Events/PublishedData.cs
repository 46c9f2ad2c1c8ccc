using System.Text.Json.Nodes;
using IotAdmin.Emulator.Api;

namespace IotAdmin.Emulator.Events;

/// <summary>
/// Makes a published event's data whole (dt-api-admin.md §6, §9): snake_case names accepted (PY's publish sends
/// cloud_connectors, celsius in humidity samples), unknown fields ignored, and every key DT's clients read filled in —
/// temperature value/samples/isBackfilled, humidity's, networkStatus cloudConnectors/rssi/transmissionMode, desk
/// remarks — so a client reading `reported` never fails on a published device. Required values missing are a 400.
/// </summary>
internal static class PublishedData
{
    private static readonly Dictionary<string, string> Renames = new(StringComparer.Ordinal)
    {
        ["cloud_connectors"] = "cloudConnectors", ["signal_strength"] = "signalStrength", ["transmission_mode"] = "transmissionMode",
        ["relative_humidity"] = "relativeHumidity", ["is_backfilled"] = "isBackfilled", ["sample_time"] = "sampleTime",
        ["update_time"] = "updateTime", ["mac_address"] = "macAddress", ["ip_address"] = "ipAddress", ["celsius"] = "temperature",
    };

    public static JsonObject Complete(string eventType, JsonObject given, string deviceType, DateTimeOffset now)
    {
        if (!EventTypes.SentBy(deviceType).Contains(eventType))
            throw ApiError.BadRequest($"a {deviceType} device cannot publish '{eventType}'; it sends {string.Join(", ", EventTypes.SentBy(deviceType))}", eventType);
        var data = (JsonObject)Camel(given);
        data.Remove("updateTime"); // stamped with the time of publishing
        var time = EventTime.Format(now);
        switch (eventType)
        {
            case "temperature":
                var value = Number(data, "value", eventType);
                data["samples"] = SamplesOrOne(data, () => new JsonObject { ["value"] = value, ["sampleTime"] = time });
                data["isBackfilled"] ??= false;
                break;
            case "humidity":
                var t = Number(data, "temperature", eventType);
                var rh = Number(data, "relativeHumidity", eventType);
                data["samples"] = SamplesOrOne(data, () => new JsonObject { ["temperature"] = t, ["relativeHumidity"] = rh, ["sampleTime"] = time });
                data["isBackfilled"] ??= false;
                break;
            case "networkStatus":
                data["signalStrength"] ??= 0;
                data["rssi"] ??= 0;
                data["cloudConnectors"] ??= new JsonArray();
                data["transmissionMode"] ??= "LOW_POWER_STANDARD_MODE";
                break;
            case "deskOccupancy":
                data["remarks"] ??= new JsonArray();
                break;
            case "co2":
                data["ppm"] = (int)Math.Round(Number(data, "ppm", eventType));
                break;
            case "objectPresent" or "waterPresent" or "motion" or "contact" or "probeWireStatus":
                if (data["state"] is not JsonValue) throw ApiError.BadRequest($"{eventType}.state is required", eventType);
                break;
            case "objectPresentCount" or "touchCount":
                Number(data, "total", eventType);
                break;
            case "batteryStatus":
                Number(data, "percentage", eventType);
                break;
        }

        data["updateTime"] = time;
        return data;
    }

    private static JsonArray SamplesOrOne(JsonObject data, Func<JsonObject> one)
    {
        if (data["samples"] is JsonArray samples && samples.Count > 0) return (JsonArray)samples.DeepClone();
        return new JsonArray(one());
    }

    private static double Number(JsonObject data, string field, string eventType) =>
        data[field] is JsonValue v && v.TryGetValue<double>(out var d) ? d : throw ApiError.BadRequest($"{eventType}.{field} must be a number", eventType);

    private static JsonNode Camel(JsonNode node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(Renames.GetValueOrDefault(p.Key, p.Key), p.Value == null ? null : (JsonNode?)Camel(p.Value)))),
        JsonArray a => new JsonArray(a.Select(n => n == null ? null : (JsonNode?)Camel(n)).ToArray()),
        _ => node.DeepClone(),
    };
}
