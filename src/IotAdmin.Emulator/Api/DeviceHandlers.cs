using System.Text.Json.Nodes;
using IotAdmin.Emulator.Api.Admin;
using IotAdmin.Emulator.Store;

namespace IotAdmin.Emulator.Api;

/// <summary>/v2/projects/{p}/devices… (and the wildcard project "-").</summary>
internal static class DeviceHandlers
{
    /// <summary>The device types the emulator API creates (dt-api-admin.md §9).</summary>
    private static readonly HashSet<string> CreatableTypes = new(StringComparer.Ordinal)
    {
        "touch", "temperature", "proximity", "touchCounter", "proximityCounter", "humidity", "waterDetector", "co2", "motion", "contact", "deskOccupancy", "ccon",
    };

    public static JsonNode List(RequestContext r)
    {
        var projectId = r.Segments[1];
        HashSet<string>? projects = null;
        if (projectId == "-")
        {
            var organization = r.Query["organization"].ToString();
            if (organization.Length == 0) throw ApiError.BadRequest("listing devices of project '-' needs the organization parameter", "organization");
            if (organization.StartsWith("organizations/", StringComparison.Ordinal)) organization = organization["organizations/".Length..];
            var orgId = r.Store.Read(v => v.SeesOrganization(r.Caller) ? v.Organization.Id : null);
            if (organization != orgId) throw ApiError.NotFound($"organization '{organization}' not found");
            var named = r.Query["projects"].Where(p => !string.IsNullOrEmpty(p)).Select(p => p!.StartsWith("projects/", StringComparison.Ordinal) ? p["projects/".Length..] : p).ToHashSet(StringComparer.Ordinal);
            projects = named.Count > 0 ? named : null;
        }
        else
        {
            ProjectHandlers.ProjectId(r);
            if (r.Store.Read(v => v.Project(projectId)) == null) throw ProjectHandlers.ProjectNotFound(projectId);
        }

        // Across projects, only those the caller may read devices in (Authorization checked a named project).
        bool InScope(FleetStore.StoreView v, DeviceRecord d) =>
            projectId == "-" ? (projects == null || projects.Contains(d.ProjectId)) && Authorization.May(v, r.Caller, d.ProjectId, "device.read") : d.ProjectId == projectId;
        return r.Page(
            "devices",
            () => r.Store.Read(v => DeviceFilter.Apply(v.Devices.Where(d => InScope(v, d)), r.Query).Select(d => d.Id).ToList()),
            id => r.Store.Read(v => v.Device(id) is { } d && InScope(v, d) ? d.ToJson() : null));
    }

    public static JsonNode Get(RequestContext r)
    {
        var (projectId, deviceId) = Ids(r);
        return r.Store.Read(v =>
        {
            var d = v.Device(deviceId);
            if (d == null || (projectId != "-" && d.ProjectId != projectId) || (projectId == "-" && !Authorization.May(v, r.Caller, d.ProjectId, "device.read"))) throw ApiError.NotFound($"device '{deviceId}' not found" + (projectId == "-" ? string.Empty : $" in project '{projectId}'"));
            return d.ToJson();
        });
    }

    public static JsonNode Create(RequestContext r)
    {
        var projectId = ProjectHandlers.ProjectId(r);
        var body = r.BodyObject();
        var type = body.OptionalString("type");
        if (string.IsNullOrWhiteSpace(type)) throw ApiError.BadRequest("type is required", "type");
        if (!CreatableTypes.Contains(type)) throw ApiError.BadRequest($"type '{type}' cannot be emulated; one of {string.Join(", ", CreatableTypes)}", "type");
        var labels = body.StringMap("labels");
        foreach (var l in labels)
            if ((LabelRules.CheckKey(l.Key) ?? LabelRules.CheckValue(l.Key, l.Value)) is { } problem) throw ApiError.BadRequest(problem, "labels");

        return r.Store.Read(v => v.Project(projectId) == null ? throw ProjectHandlers.ProjectNotFound(projectId) : v.CreateDevice(projectId, type, labels).ToJson());
    }

    public static JsonNode Delete(RequestContext r)
    {
        var (projectId, deviceId) = Ids(r);
        return r.Store.Read<JsonNode>(v =>
        {
            var d = v.DeviceForWrite(deviceId);
            if (d == null || d.ProjectId != projectId) throw ApiError.NotFound($"device '{deviceId}' not found in project '{projectId}'");
            v.DeleteDevice(deviceId);
            return new JsonObject();
        });
    }

    /// <summary>Emulated-device publish: each {"&lt;eventType&gt;":{…}} of the body becomes an event (reported, history, streams, connectors).</summary>
    public static JsonNode Publish(RequestContext r)
    {
        var projectId = ProjectHandlers.ProjectId(r);
        var deviceId = r.Segments[3][..^":publish".Length];
        var body = r.BodyObject();
        var deviceType = r.Store.Read(v => v.DeviceForWrite(deviceId) is { } d && d.ProjectId == projectId ? d.Type : null);
        if (deviceType == null) throw ApiError.NotFound($"device '{deviceId}' not found in project '{projectId}'");
        var now = r.Events.Now;
        var events = new List<(string Type, JsonObject Data)>();
        foreach (var e in body)
        {
            if (!Events.EventTypes.All.Contains(e.Key) || e.Key == Events.EventTypes.LabelsChanged) throw ApiError.BadRequest($"'{e.Key}' is not an event type that can be published", e.Key);
            if (e.Value is not JsonObject data) throw ApiError.BadRequest($"event '{e.Key}' must be an object", e.Key);
            events.Add((e.Key, Events.PublishedData.Complete(e.Key, data, deviceType, now)));
        }

        if (events.Count == 0) throw ApiError.BadRequest("the body must hold one event, e.g. {\"temperature\":{\"value\":21.5}}", "body");
        r.Events.Simulator.CatchUp();
        foreach (var (type, data) in events) r.Events.Hub.Publish(deviceId, type, data, now);
        return new JsonObject();
    }

    /// <summary>(projectId or "-", deviceId) of /v2/projects/{p}/devices/{d}, checked for form.</summary>
    public static (string ProjectId, string DeviceId) Ids(RequestContext r)
    {
        var projectId = r.Segments[1] == "-" ? "-" : ProjectHandlers.ProjectId(r);
        var deviceId = r.Segments[3];
        return Store.Ids.IsWellFormed(deviceId) ? (projectId, deviceId) : throw ApiError.BadRequest($"'{deviceId}' is not a valid device id", "deviceId");
    }
}
