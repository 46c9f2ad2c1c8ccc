using System.Text.Json.Nodes;
using IotAdmin.Emulator.Store;

namespace IotAdmin.Emulator.Api;

/// <summary>/v2/organizations and /v2/projects.</summary>
internal static class ProjectHandlers
{
    public static JsonNode ListOrganizations(RequestContext r) =>
        r.Page("organizations", () => new List<string> { r.Store.Read(v => v.Organization.Id) }, id => r.Store.Read(v => v.Organization.ToJson()));

    public static JsonNode GetOrganization(RequestContext r)
    {
        var id = r.Segments[1];
        return r.Store.Read(v => v.Organization.Id == id ? v.Organization.ToJson() : throw ApiError.NotFound($"organization '{id}' not found"));
    }

    public static JsonNode ListProjects(RequestContext r)
    {
        var organization = r.Query["organization"].ToString();
        if (organization.StartsWith("organizations/", StringComparison.Ordinal)) organization = organization["organizations/".Length..];
        var text = r.Query["query"].ToString();
        return r.Page(
            "projects",
            () => r.Store.Read(v => v.Projects
                .Where(p => organization.Length == 0 || p.Organization.Id == organization)
                .Where(p => text.Length == 0 || p.DisplayName.Contains(text, StringComparison.OrdinalIgnoreCase) || p.Organization.DisplayName.Contains(text, StringComparison.OrdinalIgnoreCase))
                .Select(p => p.Id).ToList()),
            id => r.Store.Read(v => v.Project(id) is { } p ? v.ProjectJson(p) : null));
    }

    public static JsonNode GetProject(RequestContext r)
    {
        var id = ProjectId(r);
        return r.Store.Read(v => v.Project(id) is { } p ? v.ProjectJson(p) : throw ProjectNotFound(id));
    }

    public static JsonNode CreateProject(RequestContext r)
    {
        var body = r.BodyObject();
        var name = body["displayName"]?.GetValue<string>();
        if (string.IsNullOrWhiteSpace(name)) throw ApiError.BadRequest("displayName is required", "displayName");
        var organization = body["organization"]?.GetValue<string>() ?? string.Empty;
        return r.Store.Read(v =>
        {
            if (organization.Length > 0 && organization != v.Organization.Name && organization != v.Organization.Id) throw ApiError.NotFound($"organization '{organization}' not found");
            return v.ProjectJson(v.CreateProject(name));
        });
    }

    public static JsonNode UpdateProject(RequestContext r)
    {
        var id = ProjectId(r);
        var name = r.BodyObject()["displayName"]?.GetValue<string>();
        if (string.IsNullOrWhiteSpace(name)) throw ApiError.BadRequest("displayName is required", "displayName");
        return r.Store.Read(v =>
        {
            var p = v.Project(id) ?? throw ProjectNotFound(id);
            p.DisplayName = name;
            return v.ProjectJson(p);
        });
    }

    public static JsonNode DeleteProject(RequestContext r)
    {
        var id = ProjectId(r);
        return r.Store.Read<JsonNode>(v =>
        {
            var p = v.Project(id) ?? throw ProjectNotFound(id);
            if (p.Inventory) throw new ApiError(400, "the inventory project cannot be deleted", "FAILED_PRECONDITION");
            if (v.Devices.Any(d => d.ProjectId == id)) throw new ApiError(400, "the project still has devices; move or delete them first", "FAILED_PRECONDITION");
            v.DeleteProject(id);
            return new JsonObject();
        });
    }

    /// <summary>The project id of /v2/projects/{id}/…, checked for form.</summary>
    public static string ProjectId(RequestContext r)
    {
        var id = r.Segments[1];
        return Ids.IsWellFormed(id) ? id : throw ApiError.BadRequest($"'{id}' is not a valid project id", "projectId");
    }

    public static ApiError ProjectNotFound(string id) => ApiError.NotFound($"project '{id}' not found");
}
