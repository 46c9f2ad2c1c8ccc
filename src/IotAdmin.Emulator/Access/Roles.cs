namespace IotAdmin.Emulator.Access;

/// <summary>
/// DT's roles and their permissions (dt-api-admin.md §3): each role adds to the one before it. The texts of
/// project.user, project.developer and organization.admin are DT's; project.admin's are ours (DT's are unknown).
/// </summary>
internal static class Roles
{
    public const string ProjectUser = "project.user";
    public const string ProjectDeveloper = "project.developer";
    public const string ProjectAdmin = "project.admin";
    public const string OrganizationAdmin = "organization.admin";

    private static readonly string[] UserPermissions =
    {
        "project.read", "membership.read", "sensor.read", "device.read", "dataconnector.read", "serviceaccount.read",
        "serviceaccount.key.read", "emulator.read",
    };

    private static readonly string[] DeveloperAdds =
    {
        "sensor.update", "device.update", "dataconnector.create", "dataconnector.update", "dataconnector.delete",
        "emulator.create", "emulator.update", "emulator.delete",
    };

    private static readonly string[] AdminAdds =
    {
        "project.update", "project.delete", "membership.create", "membership.update", "membership.delete",
        "serviceaccount.create", "serviceaccount.update", "serviceaccount.delete", "serviceaccount.key.create",
        "serviceaccount.key.delete", "device.transfer",
    };

    private static readonly string[] OrganizationAdds = { "project.create", "organization.read", "organization.update" };

    /// <summary>What an organization admin may do at the organization itself (the PY fixture's list).</summary>
    public static readonly IReadOnlyList<string> OrganizationScopePermissions = new[]
    {
        "project.create", "membership.create", "membership.read", "membership.update", "membership.delete", "organization.update", "organization.read",
    };

    /// <summary>The roles in order of power, with DT's texts.</summary>
    public static readonly IReadOnlyList<RoleDefinition> All = new[]
    {
        new RoleDefinition(ProjectUser, "Project user", "Users cannot change anything, just view the data in the Project", 0, UserPermissions),
        new RoleDefinition(ProjectDeveloper, "Project developer", "Allows editing devices and Project settings", 1, UserPermissions.Concat(DeveloperAdds).ToArray()),
        new RoleDefinition(ProjectAdmin, "Project administrator", "Allows managing the Project, its members and its service accounts", 2, UserPermissions.Concat(DeveloperAdds).Concat(AdminAdds).ToArray()),
        new RoleDefinition(OrganizationAdmin, "Organization administrator", "Administrator in organization", 3, UserPermissions.Concat(DeveloperAdds).Concat(AdminAdds).Concat(OrganizationAdds).ToArray()),
    };

    public static RoleDefinition? Find(string name) => All.FirstOrDefault(r => r.Name == name);

    /// <summary>The weakest role that holds a permission (for "needs role …" in a 403).</summary>
    public static RoleDefinition WeakestWith(string permission) => All.First(r => r.Permissions.Contains(permission));

    /// <summary>"roles/project.user" → the role, for the roles a member may hold in a scope; null when not one of them.</summary>
    public static RoleDefinition? FromResourceName(string? resourceName, bool organizationScope)
    {
        if (resourceName == null || !resourceName.StartsWith("roles/", StringComparison.Ordinal)) return null;
        var role = Find(resourceName["roles/".Length..]);
        if (role == null) return null;
        return (role.Name == OrganizationAdmin) == organizationScope ? role : null;
    }
}

internal sealed record RoleDefinition(string Name, string DisplayName, string Description, int Rank, IReadOnlyList<string> Permissions)
{
    public string ResourceName => "roles/" + Name;

    /// <summary>The permissions this role gives inside one project (an organization admin is a project admin everywhere).</summary>
    public IEnumerable<string> ProjectPermissions => Permissions.Where(p => !Roles.OrganizationScopePermissions.Contains(p) || p.StartsWith("membership.", StringComparison.Ordinal));
}
