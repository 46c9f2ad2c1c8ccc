using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IotAdmin.Emulator.Store;

namespace IotAdmin.Emulator.Api;

/// <summary>
/// Cloud IoT Core v1 (google-iot-core.md §1) over the same fleet: the cloud project is the organization, a registry is
/// a project, a device's metadata are its labels. Errors are always Google-style.
/// </summary>
internal static class GoogleHandlers
{
    public const int MaxPageSize = 500;

    private static readonly Regex MetadataKey = new("^[a-zA-Z][a-zA-Z0-9\\-_.+~%]+$", RegexOptions.CultureInvariant);

    public static JsonNode ListRegistries(RequestContext r)
    {
        CheckParent(r);
        return r.Page("deviceRegistries", () => r.Store.Read(v => v.Projects.Select(p => p.Id).ToList()), id => r.Store.Read(v => v.Project(id) is { } p ? Registry(r, p) : null), MaxPageSize, clampPageSize: true);
    }

    public static JsonNode GetRegistry(RequestContext r)
    {
        CheckParent(r);
        var id = r.Segments[5];
        return r.Store.Read(v => v.Project(id) is { } p ? Registry(r, p) : throw ApiError.NotFound($"registry '{id}' not found"));
    }

    public static JsonNode ListDevices(RequestContext r)
    {
        CheckParent(r);
        var registry = r.Segments[5];
        if (r.Store.Read(v => v.Project(registry)) == null) throw ApiError.NotFound($"registry '{registry}' not found");
        var ids = r.Query["deviceIds"].Where(i => !string.IsNullOrEmpty(i)).ToHashSet(StringComparer.Ordinal);
        var numIds = r.Query["deviceNumIds"].Where(i => !string.IsNullOrEmpty(i)).ToHashSet(StringComparer.Ordinal);
        var fields = Fields(r, listing: true);
        return r.Page(
            "devices",
            () => r.Store.Read(v => v.Devices.Where(d => d.ProjectId == registry && (ids.Count == 0 || ids.Contains(d.Id)) && (numIds.Count == 0 || numIds.Contains(NumId(d)))).OrderBy(d => d.Id, StringComparer.Ordinal).Select(d => d.Id).ToList()),
            id => r.Store.Read(v => v.Device(id) is { } d && d.ProjectId == registry ? Device(r, d, fields) : null),
            MaxPageSize,
            clampPageSize: true);
    }

    public static JsonNode GetDevice(RequestContext r)
    {
        CheckParent(r);
        var fields = Fields(r, listing: false);
        return r.Store.Read(v => Device(r, Find(v, r), fields));
    }

    /// <summary>PATCH …/devices/{d}?updateMask=metadata: the metadata are replaced as a whole.</summary>
    public static JsonNode PatchDevice(RequestContext r)
    {
        CheckParent(r);
        var mask = r.Query["updateMask"].ToString();
        if (mask.Length == 0) throw ApiError.BadRequest("updateMask is required", "updateMask");
        if (mask.Split(',').Any(m => m.Trim() is not ("metadata" or "blocked")))
            throw ApiError.BadRequest($"updateMask '{mask}' names a field that cannot be updated (mutable: metadata, blocked)", "updateMask");
        var body = r.BodyObject();
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (body["metadata"] is JsonObject given)
        {
            foreach (var m in given)
            {
                var value = m.Value is JsonValue jv && jv.TryGetValue<string>(out var s) ? s : throw ApiError.BadRequest($"metadata '{m.Key}' must be a string", "device.metadata");
                metadata[m.Key] = value;
            }
        }

        CheckMetadata(metadata);
        return r.Store.Read(v =>
        {
            var d = Find(v, r);
            if (mask.Contains("metadata", StringComparison.Ordinal))
            {
                d.Labels.Clear();
                foreach (var m in metadata) d.Labels[m.Key] = m.Value;
            }

            return Device(r, d, null);
        });
    }

    /// <summary>Cloud IoT Core's numeric id: an int64 (as a JSON string), stable per device.</summary>
    public static string NumId(DeviceRecord d) =>
        (BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(d.Id)), 0) >> 11).ToString(CultureInfo.InvariantCulture);

    private static void CheckMetadata(Dictionary<string, string> metadata)
    {
        if (metadata.Count > 500) throw ApiError.BadRequest("a device can have at most 500 metadata key-value pairs", "device.metadata");
        foreach (var m in metadata)
        {
            if (!MetadataKey.IsMatch(m.Key) || Encoding.UTF8.GetByteCount(m.Key) >= 128) throw ApiError.BadRequest($"invalid metadata key '{m.Key}'", "device.metadata");
            if (Encoding.UTF8.GetByteCount(m.Value) > 32 * 1024) throw ApiError.BadRequest($"metadata value of '{m.Key}' exceeds 32 KB", "device.metadata");
        }

        if (metadata.Sum(m => Encoding.UTF8.GetByteCount(m.Key) + Encoding.UTF8.GetByteCount(m.Value)) >= 256 * 1024)
            throw ApiError.BadRequest("the device's metadata exceed 256 KB in all", "device.metadata");
    }

    /// <summary>/v1/projects/{p}/locations/{l}/…: the emulator serves one cloud project and one region.</summary>
    private static void CheckParent(RequestContext r)
    {
        if (r.Segments[1] != r.Options.GoogleProject) throw new ApiError(403, $"Permission denied on resource project {r.Segments[1]}.", "PERMISSION_DENIED");
        if (r.Segments[3] != r.Options.GoogleLocation) throw ApiError.NotFound($"location '{r.Segments[3]}' not found");
    }

    private static DeviceRecord Find(FleetStore.StoreView v, RequestContext r)
    {
        var registry = r.Segments[5];
        var id = r.Segments[7];
        var d = v.Device(id) ?? v.Devices.FirstOrDefault(x => NumId(x) == id);
        return d != null && d.ProjectId == registry ? d : throw ApiError.NotFound($"device '{id}' not found in registry '{registry}'");
    }

    private static string Parent(RequestContext r) => $"projects/{r.Options.GoogleProject}/locations/{r.Options.GoogleLocation}";

    private static JsonObject Registry(RequestContext r, ProjectRecord p) => new() { ["id"] = p.Id, ["name"] = $"{Parent(r)}/registries/{p.Id}" };

    /// <summary>Listings return id and numId only, plus what fieldMask names; a get without fieldMask returns everything.</summary>
    private static HashSet<string>? Fields(RequestContext r, bool listing)
    {
        var mask = r.Query["fieldMask"].ToString();
        if (mask.Length == 0) return listing ? new HashSet<string>(StringComparer.Ordinal) : null;
        return mask.Split(',').Select(f => f.Trim()).Select(f => f == "last_event_time" ? "lastEventTime" : f == "gateway_config" ? "gatewayConfig" : f).ToHashSet(StringComparer.Ordinal);
    }

    private static JsonObject Device(RequestContext r, DeviceRecord d, HashSet<string>? fields)
    {
        var numId = NumId(d);
        var json = new JsonObject { ["id"] = d.Id, ["name"] = $"{Parent(r)}/registries/{d.ProjectId}/devices/{numId}", ["numId"] = numId };
        bool Want(string f) => fields == null || fields.Contains(f);
        if (Want("blocked")) json["blocked"] = false;
        if (Want("metadata"))
        {
            var metadata = new JsonObject();
            foreach (var l in d.Labels.OrderBy(l => l.Key, StringComparer.Ordinal)) metadata[l.Key] = l.Value;
            json["metadata"] = metadata;
        }

        if (Want("lastEventTime"))
        {
            var last = d.Reported.Select(e => e.Value?["updateTime"]?.GetValue<string>()).Where(t => t != null).Max();
            if (last != null) json["lastEventTime"] = last;
        }

        if (Want("gatewayConfig")) json["gatewayConfig"] = new JsonObject { ["gatewayType"] = d.Type == "ccon" ? "GATEWAY" : "NON_GATEWAY" };
        return json;
    }
}
