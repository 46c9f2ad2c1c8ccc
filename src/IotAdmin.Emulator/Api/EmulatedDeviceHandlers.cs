using System.Text.Json.Nodes;
using IotAdmin.Emulator.Store;

namespace IotAdmin.Emulator.Api;

/// <summary>
/// DT's hosted emulator API (dt-api.md "Emulator API", dt-api-admin.md §9), served under /emulator/v2 with the real
/// host's path layout: create, list (emulated devices only), get, update (PUT, as TF does), delete, and :publish
/// (the same handler as /v2's). Emulated devices have "emu" ids and the system labels name and virtual-sensor.
/// </summary>
internal static class EmulatedDeviceHandlers
{
    public const string Prefix = "/emulator/v2/";

    private static readonly HashSet<string> Creatable = new(StringComparer.Ordinal)
    {
        "touch", "temperature", "proximity", "touchCounter", "proximityCounter", "humidity", "waterDetector", "co2", "motion", "contact", "deskOccupancy", "ccon",
    };

    public static JsonNode List(RequestContext r)
    {
        var projectId = Project(r);
        return r.Page("devices", () => r.Store.Read(v => v.Devices.Where(d => d.ProjectId == projectId && IsEmulated(d)).Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal).ToList()), id => r.Store.Read(v => v.Device(id) is { } d && d.ProjectId == projectId ? d.ToJson() : null));
    }

    public static JsonNode Create(RequestContext r)
    {
        var projectId = Project(r);
        var body = r.BodyObject();
        var type = body["type"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : throw ApiError.BadRequest("type is required", "type");
        if (!Creatable.Contains(type)) throw ApiError.BadRequest($"type '{type}' cannot be emulated; one of {string.Join(", ", Creatable)}", "type");
        var labels = Labels(body);
        return r.Store.Read(v =>
        {
            var d = v.CreateDevice(projectId, type, labels);
            d.Labels.TryAdd("name", $"Emulated {type}: {d.Id}");
            return d.ToJson();
        });
    }

    public static JsonNode Get(RequestContext r)
    {
        var (projectId, deviceId) = DeviceHandlers.Ids(r);
        return r.Store.Read(v => Emulated(v.Device(deviceId), projectId, deviceId).ToJson());
    }

    /// <summary>TF's update: {"name","type","labels"} in, the same shape out; the labels are replaced (system labels kept).</summary>
    public static JsonNode Update(RequestContext r)
    {
        var (projectId, deviceId) = DeviceHandlers.Ids(r);
        var body = r.BodyObject();
        var labels = Labels(body);
        return r.Store.Read(v =>
        {
            var d = Emulated(v.DeviceForWrite(deviceId), projectId, deviceId);
            if (body["type"] is JsonValue t && t.TryGetValue<string>(out var type) && type != d.Type) throw ApiError.BadRequest("the type of an emulated device cannot change", "type");
            var before = new Dictionary<string, string>(d.Labels, StringComparer.Ordinal);
            foreach (var key in d.Labels.Keys.Where(k => k is not ("virtual-sensor" or "name")).ToList()) d.Labels.Remove(key);
            foreach (var l in labels) d.Labels[l.Key] = l.Value;
            r.Events.Hub.LabelsChanged(d, before, r.Events.Now);
            var json = d.ToJson();
            return new JsonObject { ["name"] = json["name"]!.DeepClone(), ["type"] = d.Type, ["labels"] = json["labels"]!.DeepClone() };
        });
    }

    public static JsonNode Delete(RequestContext r)
    {
        var (projectId, deviceId) = DeviceHandlers.Ids(r);
        return r.Store.Read<JsonNode>(v =>
        {
            Emulated(v.DeviceForWrite(deviceId), projectId, deviceId);
            v.DeleteDevice(deviceId);
            return new JsonObject();
        });
    }

    private static string Project(RequestContext r)
    {
        var projectId = ProjectHandlers.ProjectId(r);
        return r.Store.Read(v => v.Project(projectId)) != null ? projectId : throw ProjectHandlers.ProjectNotFound(projectId);
    }

    private static DeviceRecord Emulated(DeviceRecord? d, string projectId, string deviceId) =>
        d != null && d.ProjectId == projectId && IsEmulated(d) ? d : throw ApiError.NotFound($"emulated device '{deviceId}' not found in project '{projectId}'");

    private static bool IsEmulated(DeviceRecord d) => d.Labels.ContainsKey("virtual-sensor");

    private static Dictionary<string, string> Labels(JsonObject body)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (body["labels"] is null) return labels;
        if (body["labels"] is not JsonObject given) throw ApiError.BadRequest("labels must be an object of strings", "labels");
        foreach (var l in given)
        {
            var value = l.Value is JsonValue jv && jv.TryGetValue<string>(out var s) ? s : null;
            var problem = LabelRules.CheckKey(l.Key) ?? LabelRules.CheckValue(l.Key, value);
            if (problem != null) throw ApiError.BadRequest(problem, "labels");
            labels[l.Key] = value!;
        }

        return labels;
    }
}
