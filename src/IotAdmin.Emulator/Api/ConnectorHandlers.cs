using System.Text.Json.Nodes;
using IotAdmin.Emulator.Events;

namespace IotAdmin.Emulator.Api;

/// <summary>/v2/projects/{p}/dataconnectors… (dt-api-admin.md §5): CRUD, :metrics, :sync.</summary>
internal static class ConnectorHandlers
{
    public static JsonNode List(RequestContext r)
    {
        var projectId = Project(r);
        return r.Page("dataConnectors", () => r.Events.Connectors.Ids(projectId), id => r.Events.Connectors.Json(projectId, id));
    }

    public static JsonNode Get(RequestContext r)
    {
        var (projectId, id) = Ids(r);
        return r.Events.Connectors.Json(projectId, id) ?? throw ApiError.NotFound($"data connector '{id}' not found");
    }

    public static JsonNode Create(RequestContext r)
    {
        var created = r.Events.Connectors.Create(Project(r), r.BodyObject());
        r.Events.Simulator.CatchUp(); // wakes the fleet: a connector expects live events
        return created;
    }

    public static JsonNode Update(RequestContext r)
    {
        var (projectId, id) = Ids(r);
        var mask = Paging.PageSnapshots.First(r.Query, "update_mask", "updateMask");
        return r.Events.Connectors.Update(projectId, id, r.BodyObject(), mask);
    }

    public static JsonNode Delete(RequestContext r)
    {
        var (projectId, id) = Ids(r);
        r.Events.Connectors.Delete(projectId, id);
        return new JsonObject();
    }

    public static JsonNode Metrics(RequestContext r)
    {
        var (projectId, id) = Ids(r, ":metrics");
        return r.Events.Connectors.Metrics(projectId, id);
    }

    /// <summary>Re-pushes the latest event of each type of every device in the project (labelsChanged is not kept, so not re-sent).</summary>
    public static JsonNode Sync(RequestContext r)
    {
        var (projectId, id) = Ids(r, ":sync");
        r.Events.Simulator.CatchUp();
        var latest = r.Store.Read(v => v.Devices.Where(d => d.ProjectId == projectId).OrderBy(d => d.Id, StringComparer.Ordinal)
            .SelectMany(d => r.Events.History.LatestPerType(d.Id).Select(e => new PublishedEvent(e, d.ProjectId, d.Type, d.ProductNumber ?? string.Empty, new Dictionary<string, string>(d.Labels, StringComparer.Ordinal))))
            .ToList());
        r.Events.Connectors.Sync(projectId, id, latest);
        return new JsonObject();
    }

    private static string Project(RequestContext r)
    {
        var projectId = ProjectHandlers.ProjectId(r);
        return r.Store.Read(v => v.Project(projectId)) != null ? projectId : throw ProjectHandlers.ProjectNotFound(projectId);
    }

    private static (string ProjectId, string Id) Ids(RequestContext r, string suffix = "")
    {
        var projectId = Project(r);
        var id = r.Segments[3][..^suffix.Length];
        return Store.Ids.IsWellFormed(id) ? (projectId, id) : throw ApiError.BadRequest($"'{id}' is not a valid data connector id", "dataConnectorId");
    }
}
