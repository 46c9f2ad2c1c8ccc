using System.Text.Json.Nodes;
using IotAdmin.Emulator.Store;

namespace IotAdmin.Emulator.Api;

/// <summary>devices:batchUpdate (what every client uses) and the single-label endpoints.</summary>
internal static class LabelHandlers
{
    public static JsonNode BatchUpdate(RequestContext r)
    {
        var projectId = ProjectHandlers.ProjectId(r);
        var body = r.BodyObject();
        var names = r.StringArray("devices");
        var add = new Dictionary<string, string>(StringComparer.Ordinal);
        if (body["addLabels"] is JsonObject given)
        {
            foreach (var l in given)
            {
                var value = l.Value is JsonValue jv && jv.TryGetValue<string>(out var s) ? s : null;
                var problem = LabelRules.CheckKey(l.Key) ?? LabelRules.CheckValue(l.Key, value);
                if (problem != null) throw ApiError.BadRequest(problem, "addLabels");
                add[l.Key] = value!;
            }
        }
        else if (body["addLabels"] != null)
        {
            throw ApiError.BadRequest("addLabels must be an object of strings", "addLabels");
        }

        var remove = r.StringArray("removeLabels");
        foreach (var key in remove)
            if (LabelRules.CheckKey(key) is { } problem) throw ApiError.BadRequest(problem, "removeLabels");
        if (add.Count == 0 && remove.Count == 0) throw ApiError.BadRequest("either addLabels or removeLabels must be given", "addLabels");
        if (names.Count == 0) throw ApiError.BadRequest("devices must not be empty", "devices");
        if (names.Count > r.Options.MaxBatch) throw ApiError.BadRequest($"too many devices: {names.Count}; at most {r.Options.MaxBatch} per call", "devices");

        return r.Store.Read(v =>
        {
            if (v.Project(projectId) == null) throw ProjectHandlers.ProjectNotFound(projectId);
            var errors = new JsonArray();
            foreach (var name in names)
            {
                var error = Apply(v, projectId, name, add, remove, r);
                if (error != null) errors.Add(error);
            }

            return (JsonNode)new JsonObject { ["batchErrors"] = errors };
        });
    }

    public static JsonNode Create(RequestContext r)
    {
        var (projectId, deviceId) = DeviceHandlers.Ids(r);
        var body = r.BodyObject();
        var key = body.OptionalString("key");
        var value = body.OptionalString("value") ?? string.Empty;
        var problem = LabelRules.CheckKey(key) ?? LabelRules.CheckValue(key!, value);
        if (problem != null) throw ApiError.BadRequest(problem, "key");
        return r.Store.Read(v =>
        {
            var d = Device(v, projectId, deviceId);
            if (d.Labels.ContainsKey(key!)) throw new ApiError(409, "already exists", "ALREADY_EXISTS");
            if (d.Labels.Count >= LabelRules.MaxLabelsPerDevice) throw ApiError.BadRequest("Max labels reached for device.", "key");
            Change(r, d, () => d.Labels[key!] = value);
            return Label(d, key!);
        });
    }

    public static JsonNode Update(RequestContext r)
    {
        var (projectId, deviceId) = DeviceHandlers.Ids(r);
        var key = Uri.UnescapeDataString(r.Segments[5]);
        var value = r.BodyObject().OptionalString("value");
        if (LabelRules.CheckValue(key, value) is { } problem) throw ApiError.BadRequest(problem, "value");
        return r.Store.Read(v =>
        {
            var d = Device(v, projectId, deviceId);
            if (!d.Labels.ContainsKey(key)) throw ApiError.NotFound($"label '{key}' not found");
            Change(r, d, () => d.Labels[key] = value!);
            return Label(d, key);
        });
    }

    public static JsonNode Delete(RequestContext r)
    {
        var (projectId, deviceId) = DeviceHandlers.Ids(r);
        var key = Uri.UnescapeDataString(r.Segments[5]);
        return r.Store.Read<JsonNode>(v =>
        {
            var d = Device(v, projectId, deviceId);
            if (!d.Labels.ContainsKey(key)) throw ApiError.NotFound($"label '{key}' not found");
            Change(r, d, () => d.Labels.Remove(key));
            return new JsonObject();
        });
    }

    /// <summary>One device of a batch: null on success, else its batchErrors entry (the device is left unchanged).</summary>
    private static JsonObject? Apply(FleetStore.StoreView v, string projectId, string name, Dictionary<string, string> add, List<string> remove, RequestContext r)
    {
        var parts = name.Split('/');
        if (parts.Length != 4 || parts[0] != "projects" || parts[2] != "devices") return Error(name, "INVALID_ARGUMENT", "device must be a name 'projects/{project}/devices/{device}'");
        if (parts[1] != projectId) return Error(name, "INVALID_ARGUMENT", $"device is not in project '{projectId}'");
        var d = v.DeviceForWrite(parts[3]);
        if (d == null || d.ProjectId != projectId) return Error(name, "NOT_FOUND", "resource not found");
        var after = d.Labels.Keys.Union(add.Keys).Except(remove).Count();
        if (after > LabelRules.MaxLabelsPerDevice) return Error(name, "INVALID_ARGUMENT", "Max labels reached for device.");
        Change(r, d, () =>
        {
            foreach (var l in add) d.Labels[l.Key] = l.Value;
            foreach (var k in remove) d.Labels.Remove(k);
        });
        return null;
    }

    /// <summary>Changes a device's labels and publishes the labelsChanged event it makes (streams and data connectors only).</summary>
    private static void Change(RequestContext r, DeviceRecord d, Action change)
    {
        var before = new Dictionary<string, string>(d.Labels, StringComparer.Ordinal);
        change();
        r.Events.Hub.LabelsChanged(d, before, r.Events.Now);
    }

    private static DeviceRecord Device(FleetStore.StoreView v, string projectId, string deviceId)
    {
        var d = v.DeviceForWrite(deviceId);
        return d != null && (projectId == "-" || d.ProjectId == projectId) ? d : throw ApiError.NotFound($"device '{deviceId}' not found in project '{projectId}'");
    }

    private static JsonObject Label(DeviceRecord d, string key) => new() { ["name"] = d.Name + "/labels/" + key, ["value"] = d.Labels[key] };

    internal static JsonObject Error(string device, string code, string message) =>
        new() { ["device"] = device, ["status"] = new JsonObject { ["code"] = code, ["message"] = message } };
}
