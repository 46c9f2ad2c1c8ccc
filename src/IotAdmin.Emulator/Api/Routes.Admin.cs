using System.Text.Json.Nodes;
using IotAdmin.Emulator.Api.Admin;

namespace IotAdmin.Emulator.Api;

/// <summary>The administration routes (issue 15): project labels, members, roles, permissions, service accounts and keys.</summary>
internal static partial class Routes
{
    private static readonly Shape[] AdminShapes =
    {
        new("/v2/projects:batchUpdate", s => s is ["projects:batchUpdate"], new() { ["POST"] = ProjectAdminHandlers.BatchUpdate }),
        new("/v2/roles", s => s is ["roles"], new() { ["GET"] = RoleHandlers.List }),
        new("/v2/roles/{role}", s => s is ["roles", _], new() { ["GET"] = RoleHandlers.Get }),
        new("/v2/projects/{p}/permissions", s => s is ["projects", _, "permissions"], new() { ["GET"] = RoleHandlers.ProjectPermissions }),
        new("/v2/organizations/{o}/permissions", s => s is ["organizations", _, "permissions"], new() { ["GET"] = RoleHandlers.OrganizationPermissions }),
        new("/v2/projects/-/members", s => s is ["projects", "-", "members"], new() { ["GET"] = MemberHandlers.ListAcrossProjects }),
        new("/v2/projects/-/members:batchCreate", s => s is ["projects", "-", "members:batchCreate"], new() { ["POST"] = MemberHandlers.BatchCreate }),
        new("/v2/projects/-/members:batchDelete", s => s is ["projects", "-", "members:batchDelete"], new() { ["POST"] = MemberHandlers.BatchDelete }),
        new("/v2/projects/{p}/members", s => s is ["projects", _, "members"], new() { ["GET"] = MemberHandlers.List, ["POST"] = MemberHandlers.Add }),
        new("/v2/projects/{p}/members/{m}:getInviteUrl", s => s is ["projects", _, "members", var m] && m.EndsWith(":getInviteUrl", StringComparison.Ordinal), new() { ["GET"] = MemberHandlers.InviteUrl }),
        new("/v2/projects/{p}/members/{m}", s => s is ["projects", _, "members", _], new() { ["GET"] = MemberHandlers.Get, ["PATCH"] = MemberHandlers.Update, ["DELETE"] = MemberHandlers.Remove }),
        new("/v2/organizations/{o}/members", s => s is ["organizations", _, "members"], new() { ["GET"] = MemberHandlers.List, ["POST"] = MemberHandlers.Add }),
        new("/v2/organizations/{o}/members/{m}:getInviteUrl", s => s is ["organizations", _, "members", var m] && m.EndsWith(":getInviteUrl", StringComparison.Ordinal), new() { ["GET"] = MemberHandlers.InviteUrl }),
        new("/v2/organizations/{o}/members/{m}", s => s is ["organizations", _, "members", _], new() { ["GET"] = MemberHandlers.Get, ["PATCH"] = MemberHandlers.Update, ["DELETE"] = MemberHandlers.Remove }),
        new("/v2/projects/{p}/serviceaccounts", s => s is ["projects", _, "serviceaccounts"], new() { ["GET"] = ServiceAccountHandlers.List, ["POST"] = ServiceAccountHandlers.Create }),
        new("/v2/projects/{p}/serviceaccounts/{sa}", s => s is ["projects", _, "serviceaccounts", _], new() { ["GET"] = ServiceAccountHandlers.Get, ["PATCH"] = ServiceAccountHandlers.Update, ["DELETE"] = ServiceAccountHandlers.Delete }),
        new("/v2/projects/{p}/serviceaccounts/{sa}/keys", s => s is ["projects", _, "serviceaccounts", _, "keys"], new() { ["GET"] = ServiceAccountHandlers.ListKeys, ["POST"] = ServiceAccountHandlers.CreateKey }),
        new("/v2/projects/{p}/serviceaccounts/{sa}/keys/{k}", s => s is ["projects", _, "serviceaccounts", _, "keys", _], new() { ["GET"] = ServiceAccountHandlers.GetKey, ["DELETE"] = ServiceAccountHandlers.DeleteKey }),
    };
}
