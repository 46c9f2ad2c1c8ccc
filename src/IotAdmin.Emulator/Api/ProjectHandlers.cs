using System.Text.Json.Nodes;
using IotAdmin.Emulator.Store;

namespace IotAdmin.Emulator.Api;

/// <summary>/v2/organizations and /v2/projects: reads, showing only what the caller can see (changes: Admin/ProjectAdminHandlers.cs).</summary>
internal static class ProjectHandlers
{
    public static JsonNode ListOrganizations(RequestContext r) =>
        r.Page("organizations", () => r.Store.Read(v => v.SeesOrganization(r.Caller) ? new List<string> { v.Organization.Id } : new List<string>()), id => r.Store.Read(v => v.Organization.ToJson()));

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
                .Where(p => v.ProjectRole(r.Caller, p) != null)
                .Where(p => text.Length == 0 || p.DisplayName.Contains(text, StringComparison.OrdinalIgnoreCase) || p.Organization.DisplayName.Contains(text, StringComparison.OrdinalIgnoreCase))
                .Select(p => p.Id).ToList()),
            id => r.Store.Read(v => v.Project(id) is { } p && v.ProjectRole(r.Caller, p) != null ? v.ProjectJson(p) : null));
    }

    public static JsonNode GetProject(RequestContext r)
    {
        var id = ProjectId(r);
        return r.Store.Read(v => v.Project(id) is { } p ? v.ProjectJson(p) : throw ProjectNotFound(id));
    }

    /// <summary>The project id of /v2/projects/{id}/…, checked for form.</summary>
    public static string ProjectId(RequestContext r)
    {
        var id = r.Segments[1];
        return Ids.IsWellFormed(id) ? id : throw ApiError.BadRequest($"'{id}' is not a valid project id", "projectId");
    }

    public static ApiError ProjectNotFound(string id) => ApiError.NotFound($"project '{id}' not found");
}
