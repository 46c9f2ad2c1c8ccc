using System.Text.Json.Nodes;
using IotAdmin.Emulator.Api.Admin;

namespace IotAdmin.Emulator.Api;

/// <summary>The /v2 routes: path shape → (method → handler), with the template the stats count under.</summary>
internal static partial class Routes
{
    private sealed record Shape(string Template, Func<string[], bool> Fits, Dictionary<string, Func<RequestContext, JsonNode>> Methods);

    private static readonly Shape[] Shapes =
    {
        new("/v2/organizations", s => s is ["organizations"], new() { ["GET"] = ProjectHandlers.ListOrganizations }),
        new("/v2/organizations/{o}", s => s is ["organizations", _], new() { ["GET"] = ProjectHandlers.GetOrganization }),
        new("/v2/projects", s => s is ["projects"], new() { ["GET"] = ProjectHandlers.ListProjects, ["POST"] = ProjectAdminHandlers.Create }),
        new("/v2/projects/{p}", s => s is ["projects", _], new() { ["GET"] = ProjectHandlers.GetProject, ["PATCH"] = ProjectAdminHandlers.Update, ["DELETE"] = ProjectAdminHandlers.Delete }),
        new("/v2/projects/{p}/devices", s => s is ["projects", _, "devices"], new() { ["GET"] = DeviceHandlers.List, ["POST"] = DeviceHandlers.Create }),
        new("/v2/projects/{p}/devices:batchUpdate", s => s is ["projects", _, "devices:batchUpdate"], new() { ["POST"] = LabelHandlers.BatchUpdate }),
        new("/v2/claimInfo", s => s is ["claimInfo"], new() { ["GET"] = ClaimHandlers.Info }),
        new("/v2/projects/{p}/devices:claim", s => s is ["projects", _, "devices:claim"], new() { ["POST"] = ClaimHandlers.Claim }),
        new("/v2/projects/{p}/devices:stream", s => s is ["projects", _, "devices:stream"], new() { ["GET"] = Streaming }),
        new("/v2/projects/{p}/devices:transfer", s => s is ["projects", _, "devices:transfer"], new() { ["POST"] = TransferHandler.Transfer }),
        new("/v2/projects/{p}/devices/{d}:publish", s => s is ["projects", _, "devices", var d] && d.EndsWith(":publish", StringComparison.Ordinal), new() { ["POST"] = DeviceHandlers.Publish }),
        new("/v2/projects/{p}/devices/{d}", s => s is ["projects", _, "devices", _], new() { ["GET"] = DeviceHandlers.Get, ["DELETE"] = DeviceHandlers.Delete }),
        new("/v2/projects/{p}/devices/{d}/events", s => s is ["projects", _, "devices", _, "events"], new() { ["GET"] = EventHandlers.History }),
        new("/v2/projects/{p}/dataconnectors", s => s is ["projects", _, "dataconnectors"], new() { ["GET"] = ConnectorHandlers.List, ["POST"] = ConnectorHandlers.Create }),
        new("/v2/projects/{p}/dataconnectors/{dc}:metrics", s => s is ["projects", _, "dataconnectors", var dc] && dc.EndsWith(":metrics", StringComparison.Ordinal), new() { ["GET"] = ConnectorHandlers.Metrics }),
        new("/v2/projects/{p}/dataconnectors/{dc}:sync", s => s is ["projects", _, "dataconnectors", var dc] && dc.EndsWith(":sync", StringComparison.Ordinal), new() { ["POST"] = ConnectorHandlers.Sync }),
        new("/v2/projects/{p}/dataconnectors/{dc}", s => s is ["projects", _, "dataconnectors", _], new() { ["GET"] = ConnectorHandlers.Get, ["PATCH"] = ConnectorHandlers.Update, ["DELETE"] = ConnectorHandlers.Delete }),
        new("/v2/projects/{p}/devices/{d}/labels", s => s is ["projects", _, "devices", _, "labels"], new() { ["POST"] = LabelHandlers.Create }),
        new("/v2/projects/{p}/devices/{d}/labels/{k}", s => s is ["projects", _, "devices", _, "labels", _], new() { ["PATCH"] = LabelHandlers.Update, ["DELETE"] = LabelHandlers.Delete }),
    };

    /// <summary>DT's hosted emulator API, under /emulator/v2 (<see cref="EmulatedDeviceHandlers"/>).</summary>
    private static readonly Shape[] EmulatorShapes =
    {
        new("/emulator/v2/projects/{p}/devices", s => s is ["projects", _, "devices"], new() { ["GET"] = EmulatedDeviceHandlers.List, ["POST"] = EmulatedDeviceHandlers.Create }),
        new("/emulator/v2/projects/{p}/devices/{d}:publish", s => s is ["projects", _, "devices", var d] && d.EndsWith(":publish", StringComparison.Ordinal), new() { ["POST"] = DeviceHandlers.Publish }),
        new("/emulator/v2/projects/{p}/devices/{d}", s => s is ["projects", _, "devices", _], new() { ["GET"] = EmulatedDeviceHandlers.Get, ["PUT"] = EmulatedDeviceHandlers.Update, ["DELETE"] = EmulatedDeviceHandlers.Delete }),
    };

    /// <summary>The handlers that write their own (long-lived) answer; the pipeline awaits them instead of writing JSON.</summary>
    private static readonly Dictionary<Func<RequestContext, JsonNode>, Func<RequestContext, Task>> Streamers = new() { [Streaming] = StreamHandler.Stream };

    private static readonly Shape[] GoogleShapes =
    {
        new("/v1/projects/{p}/locations/{l}/registries", s => s is ["projects", _, "locations", _, "registries"], new() { ["GET"] = GoogleHandlers.ListRegistries }),
        new("/v1/projects/{p}/locations/{l}/registries/{r}", s => s is ["projects", _, "locations", _, "registries", _], new() { ["GET"] = GoogleHandlers.GetRegistry }),
        new("/v1/projects/{p}/locations/{l}/registries/{r}/devices", s => s is ["projects", _, "locations", _, "registries", _, "devices"], new() { ["GET"] = GoogleHandlers.ListDevices }),
        new("/v1/projects/{p}/locations/{l}/registries/{r}/devices/{d}", s => s is ["projects", _, "locations", _, "registries", _, "devices", _], new() { ["GET"] = GoogleHandlers.GetDevice, ["PATCH"] = GoogleHandlers.PatchDevice }),
    };

    /// <summary>The Cloud IoT Core (/v1) route for a request, as <see cref="Match"/>.</summary>
    public static (string? Template, Func<RequestContext, JsonNode>? Handler) MatchGoogle(string method, string[] segments) => Find(GoogleShapes, method, segments);

    /// <summary>The hosted emulator API's route (segments after /emulator/v2/), as <see cref="Match"/>.</summary>
    public static (string? Template, Func<RequestContext, JsonNode>? Handler) MatchEmulator(string method, string[] segments) => Find(EmulatorShapes, method, segments);

    /// <summary>The route for a request under /v2: its template (or null for an unknown path) and handler (or null for a wrong method).</summary>
    public static (string? Template, Func<RequestContext, JsonNode>? Handler) Match(string method, string[] segments) =>
        Find(Shapes, method, segments) is { Template: not null } found ? found : Find(AdminShapes, method, segments);

    /// <summary>The streaming body of a handler that streams (devices:stream), else null.</summary>
    public static Func<RequestContext, Task>? Streamer(Func<RequestContext, JsonNode> handler) => Streamers.GetValueOrDefault(handler);

    private static JsonNode Streaming(RequestContext r) => throw new InvalidOperationException("devices:stream is served by StreamHandler");

    private static (string? Template, Func<RequestContext, JsonNode>? Handler) Find(Shape[] shapes, string method, string[] segments)
    {
        foreach (var shape in shapes)
        {
            if (!shape.Fits(segments)) continue;
            return (shape.Template, shape.Methods.TryGetValue(method, out var handler) ? handler : null);
        }

        return (null, null);
    }

    /// <summary>The device ids a mutating request touches (for the concurrent-change check).</summary>
    public static IEnumerable<string> TouchedDevices(string[] segments, JsonNode? body)
    {
        if (segments is ["projects", _, "devices", var d, ..]) return new[] { d.Split(':')[0] };
        if (segments is ["projects", _, "locations", _, "registries", _, "devices", var g]) return new[] { g };
        if (segments is ["projects", _, "devices:batchUpdate" or "devices:transfer"] && body is JsonObject o && o["devices"] is JsonArray names)
            return names.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s.Split('/').Last() : string.Empty).Where(s => s.Length > 0);
        return Array.Empty<string>();
    }
}
