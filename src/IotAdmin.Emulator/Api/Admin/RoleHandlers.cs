using System.Text.Json.Nodes;
using IotAdmin.Emulator.Access;

namespace IotAdmin.Emulator.Api.Admin;

/// <summary>GET /roles[/{role}] and the caller's own permissions in a project or the organization (dt-api-admin.md §2–3).</summary>
internal static class RoleHandlers
{
    public static JsonNode List(RequestContext r) =>
        r.Page("roles", () => Roles.All.Select(x => x.Name).ToList(), name => Roles.Find(name) is { } role ? Json(role) : null);

    /// <summary>/roles/project.user (PY) and /roles/roles%2Fproject.user-style full names both resolve.</summary>
    public static JsonNode Get(RequestContext r)
    {
        var name = Uri.UnescapeDataString(r.Segments[1]);
        if (name.StartsWith("roles/", StringComparison.Ordinal)) name = name["roles/".Length..];
        return Roles.Find(name) is { } role ? Json(role) : throw ApiError.NotFound($"role '{name}' not found");
    }

    public static JsonNode ProjectPermissions(RequestContext r)
    {
        var id = ProjectHandlers.ProjectId(r);
        return Strings(r, "permissions", () => r.Store.Read(v => v.Project(id) is { } p && v.ProjectRole(r.Caller, p) is { } role ? role.ProjectPermissions.ToList() : throw ProjectHandlers.ProjectNotFound(id)));
    }

    public static JsonNode OrganizationPermissions(RequestContext r) =>
        Strings(r, "permissions", () => r.Store.Read(v => v.OrganizationPermissions(r.Caller).ToList()));

    /// <summary>A page of a list of strings: {"permissions":["…"],"nextPageToken":""} (PY and SW page every list).</summary>
    private static JsonObject Strings(RequestContext r, string key, Func<List<string>> all)
    {
        var size = r.PageSize();
        var (items, next, _) = r.Snapshots.Resolve(r.Http.Request, all);
        var page = items.Take(size).ToList();
        return new JsonObject { [key] = new JsonArray(page.Select(s => (JsonNode?)s).ToArray()), ["nextPageToken"] = next(page.Count) };
    }

    private static JsonObject Json(RoleDefinition role) => new()
    {
        ["name"] = role.ResourceName,
        ["displayName"] = role.DisplayName,
        ["description"] = role.Description,
        ["permissions"] = new JsonArray(role.Permissions.Select(p => (JsonNode?)p).ToArray()),
    };
}
