using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Backends;
using IotAdmin.Models;
using IotAdmin.Validation;

namespace IotAdmin.Operations.Admin
{
    /// <summary>Get-IotOrganization, Get-IotRole and Get-IotPermission: reads about the organization and access.</summary>
    internal static class OrganizationOperations
    {
        /// <summary>The organizations the account sees, or those named (each missing one a non-terminating error).</summary>
        public static async Task GetOrganizationsAsync(AdminCall call, IReadOnlyList<string>? organizationIds, CancellationToken cancellationToken)
        {
            if (organizationIds == null || organizationIds.Count == 0)
            {
                await AdminItem.WriteAllAsync(call.Output, null, call.Session.Backend.ListOrganizationsAsync(call.Context, cancellationToken), cancellationToken).ConfigureAwait(false);
                return;
            }

            foreach (var id in organizationIds)
            {
                if (AdminItem.Rejected(call.Output, InputRules.CheckId("Organization", id), id, "Pass an organization id such as the OrganizationId of Get-IotProject's output.")) continue;
                await AdminItem.TryAsync(call.Output, id, async () => call.Output.WriteObject(await call.Admin.GetOrganizationAsync(id, call.Context, cancellationToken).ConfigureAwait(false))).ConfigureAwait(false);
            }
        }

        /// <summary>Every role, or those named ("project.developer" or "roles/project.developer").</summary>
        public static async Task GetRolesAsync(AdminCall call, IReadOnlyList<string>? roles, CancellationToken cancellationToken)
        {
            if (roles == null || roles.Count == 0)
            {
                await AdminItem.WriteAllAsync(call.Output, null, call.Admin.ListRolesAsync(call.Context, cancellationToken), cancellationToken).ConfigureAwait(false);
                return;
            }

            foreach (var given in roles)
            {
                var role = AdminRules.Normalize(given);
                if (AdminItem.Rejected(call.Output, role == null ? "Role '" + given + "' is not a role: use " + string.Join(", ", AdminRules.AllRoles) + "." : null, given, "Pass one of the role names Get-IotRole lists.")) continue;
                await AdminItem.TryAsync(call.Output, role, async () => call.Output.WriteObject(await call.Admin.GetRoleAsync(role!, call.Context, cancellationToken).ConfigureAwait(false))).ConfigureAwait(false);
            }
        }

        /// <summary>What the connected account may do in each project named, or else in the organization.</summary>
        public static async Task GetPermissionsAsync(AdminCall call, IReadOnlyList<string>? projectIds, string? organizationId, CancellationToken cancellationToken)
        {
            var scopes = new List<MemberScope>();
            if (projectIds != null && projectIds.Count > 0)
            {
                foreach (var id in projectIds)
                    if (!AdminItem.Rejected(call.Output, InputRules.CheckId("Project", id), id, "Pass a project id such as the ProjectId of Get-IotProject's output.")) scopes.Add(MemberScope.Project(id));
            }
            else
            {
                scopes.Add(MemberScope.Organization(await call.OrganizationIdAsync(organizationId, cancellationToken).ConfigureAwait(false)));
            }

            foreach (var scope in scopes)
            {
                await AdminItem.TryAsync(call.Output, scope.Id, async () =>
                {
                    var permissions = new List<string>();
                    await foreach (var p in call.Admin.ListPermissionsAsync(scope, call.Context, cancellationToken).ConfigureAwait(false)) permissions.Add(p);
                    foreach (var p in permissions.OrderBy(p => p, System.StringComparer.Ordinal))
                    {
                        call.Output.WriteObject(new IotPermission
                        {
                            Permission = p,
                            Resource = scope.Path,
                            ProjectId = scope.IsProject ? scope.Id : null,
                            OrganizationId = scope.IsProject ? null : scope.Id,
                        });
                    }
                }).ConfigureAwait(false);
            }
        }
    }
}
