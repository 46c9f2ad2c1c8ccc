using IotAdmin.Emulator.Access;
using IotAdmin.Emulator.Store;

namespace IotAdmin.Emulator.Api.Admin;

/// <summary>
/// Every /v2 call is authorized by the caller's role (dt-api-admin.md §2–3): the permission a route needs, in the
/// project of its path or the organization. A project the caller has no role in is 404 (it cannot see it); a visible
/// one without the permission is 403 naming the weakest role that has it. Routes over several projects (the "-"
/// wildcard, projects:batchUpdate, POST /projects) are checked per project by their handlers with <see cref="May"/>.
/// The Cloud IoT Core API (/v1) takes only its own account's tokens, and that account has no role under /v2.
/// </summary>
internal static class Authorization
{
    private sealed record Need(string Scope, string? ScopeId, string? Permission);

    /// <returns>true (for <see cref="FleetStore.Read{T}"/>); throws when the caller may not.</returns>
    public static bool Check(FleetStore.StoreView v, Caller caller, bool cloudIotCore, string method, string[] segments)
    {
        // The Cloud IoT Core API (/v1) is its key file's account's alone; DT roles do not reach it.
        if (cloudIotCore)
            return caller.IsGoogle ? true : throw new ApiError(403, "Permission denied: the Cloud IoT Core API (/v1) takes the account of the emulator's Google key file, not a DT service account.", "PERMISSION_DENIED");

        // A device named through the "-" wildcard (projects/-/devices/{d}…) is checked in its own project.
        if (segments is ["projects", "-", "devices", var d, ..] && v.DeviceForWrite(d.Split(':')[0]) is { } device)
            segments = ["projects", device.ProjectId, .. segments[2..]];
        var need = Requirement(method, segments);
        if (need == null) return true;
        if (need.Scope == "organization")
        {
            if (need.ScopeId != v.Organization.Id || !v.SeesOrganization(caller)) throw ApiError.NotFound($"organization '{need.ScopeId}' not found");
            if (need.Permission != null && !v.OrganizationPermissions(caller).Contains(need.Permission))
                throw Denied(need.Permission, $"organization '{need.ScopeId}'");
            return true;
        }

        // A malformed project id is the handler's 400; an unknown one is 404 here or there.
        if (need.ScopeId == null || !Ids.IsWellFormed(need.ScopeId)) return true;
        RequireProject(v, caller, need.ScopeId, need.Permission!);
        return true;
    }

    /// <summary>The project, if the caller may do this in it; else 404 (invisible or unknown) or 403.</summary>
    public static ProjectRecord RequireProject(FleetStore.StoreView v, Caller caller, string projectId, string permission)
    {
        var project = v.Project(projectId);
        if (project == null || v.ProjectRole(caller, project) == null) throw ProjectHandlers.ProjectNotFound(projectId);
        if (!v.MayInProject(caller, project, permission)) throw Denied(permission, $"project '{projectId}'");
        return project;
    }

    /// <summary>True when the caller holds the permission in that (visible) project.</summary>
    public static bool May(FleetStore.StoreView v, Caller caller, string projectId, string permission) =>
        v.Project(projectId) is { } project && v.MayInProject(caller, project, permission);

    public static ApiError Denied(string permission, string where) =>
        new(403, $"permission denied: {permission} on {where} needs the role {Roles.WeakestWith(permission).Name} or higher", "PERMISSION_DENIED");

    private static Need? Requirement(string method, string[] s)
    {
        var read = method == "GET";
        switch (s)
        {
            case ["organizations", var o]:
                return new Need("organization", o, null);
            case ["organizations", var o, "permissions"]:
                return new Need("organization", o, null);
            case ["organizations", var o, "members", ..]:
                return new Need("organization", o, MembershipPermission(method, s[^1]));
            case ["organizations", var o, ..]:
                return new Need("organization", o, read ? "organization.read" : "organization.update");
            case ["projects", "-", ..]:
                return null; // handlers check each project
            case ["projects", var p]:
                return new Need("project", p, method switch { "GET" => "project.read", "DELETE" => "project.delete", _ => "project.update" });
            case ["projects", var p, "permissions"]:
                return new Need("project", p, "project.read");
            case ["projects", var p, "members", ..]:
                return new Need("project", p, MembershipPermission(method, s[^1]));
            case ["projects", var p, "serviceaccounts", _, "keys", ..]:
                return new Need("project", p, read ? "serviceaccount.key.read" : method == "DELETE" ? "serviceaccount.key.delete" : "serviceaccount.key.create");
            case ["projects", var p, "serviceaccounts", ..]:
                return new Need("project", p, Crud("serviceaccount", method));
            case ["projects", var p, "dataconnectors", .., var last]:
                return new Need("project", p, last.EndsWith(":sync", StringComparison.Ordinal) ? "dataconnector.update" : Crud("dataconnector", method));
            case ["projects", var p, "devices"]:
                return new Need("project", p, read ? "device.read" : "emulator.create");
            case ["projects", var p, "devices:batchUpdate"]:
                return new Need("project", p, "device.update");
            case ["projects", var p, "devices:transfer"]:
                return new Need("project", p, "device.transfer"); // in the target; the handler checks each source
            case ["projects", var p, "devices:claim"]:
                return new Need("project", p, "project.update"); // claiming is for project admins (no claim permission exists)
            case ["projects", var p, "devices", _, "labels", ..]:
                return new Need("project", p, read ? "device.read" : "device.update");
            case ["projects", var p, "devices", ..]:
                return new Need("project", p, read ? "device.read" : method == "DELETE" ? "emulator.delete" : "emulator.update");
            case ["projects", var p, ..]:
                return new Need("project", p, read ? "project.read" : "project.update");
            default:
                return null; // GET /organizations and /projects filter; POST /projects, projects:batchUpdate and /roles check in their handlers
        }
    }

    private static string MembershipPermission(string method, string last) =>
        last.EndsWith(":getInviteUrl", StringComparison.Ordinal) ? "membership.create" : Crud("membership", method);

    private static string Crud(string resource, string method) => resource + method switch
    {
        "GET" => ".read",
        "POST" => ".create",
        "DELETE" => ".delete",
        _ => ".update",
    };
}
