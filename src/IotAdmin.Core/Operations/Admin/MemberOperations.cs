using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Backends;
using IotAdmin.Validation;

namespace IotAdmin.Operations.Admin
{
    /// <summary>
    /// Get-IotMember, Set-IotMember and Get-IotMemberInviteUrl (Add and Remove batch: <see cref="MemberBatchOperation"/>) (dt-api-admin.md §2). A member is
    /// of a project when a project id is given, else of the organization (the given one, or the account's only one).
    /// </summary>
    internal static class MemberOperations
    {
        private const string MemberIdAction = "Pass a member id such as the MemberId of Get-IotMember's output.";

        /// <summary>The members of the scope; those named; or, with <paramref name="allProjects"/>, each named member's memberships in every project.</summary>
        public static async Task GetAsync(AdminCall call, string? projectId, string? organizationId, IReadOnlyList<string>? memberIds, bool allProjects, CancellationToken cancellationToken)
        {
            if (allProjects)
            {
                InputRules.Require(memberIds == null || memberIds.Count == 0 ? "-AllProjects lists one member's memberships: pass -MemberId too." : null, "MemberId");
                var organization = await call.OrganizationIdAsync(organizationId, cancellationToken).ConfigureAwait(false);
                foreach (var memberId in memberIds ?? new string[0])
                {
                    if (AdminItem.Rejected(call.Output, InputRules.CheckId("Member", memberId), memberId, MemberIdAction)) continue;
                    await AdminItem.WriteAllAsync(call.Output, memberId, call.Admin.ListMembershipsAsync(organization, memberId, call.Context, cancellationToken), cancellationToken).ConfigureAwait(false);
                }

                return;
            }

            var scope = await ScopeAsync(call, projectId, organizationId, cancellationToken).ConfigureAwait(false);
            if (scope == null) return;
            if (memberIds == null || memberIds.Count == 0)
            {
                await AdminItem.WriteAllAsync(call.Output, scope.Id, call.Admin.ListMembersAsync(scope, call.Context, cancellationToken), cancellationToken).ConfigureAwait(false);
                return;
            }

            foreach (var memberId in memberIds)
            {
                if (AdminItem.Rejected(call.Output, InputRules.CheckId("Member", memberId), memberId, MemberIdAction)) continue;
                await AdminItem.TryAsync(call.Output, memberId, async () => call.Output.WriteObject(await call.Admin.GetMemberAsync(scope, memberId, call.Context, cancellationToken).ConfigureAwait(false))).ConfigureAwait(false);
            }
        }

        /// <summary>Changes a member's one role.</summary>
        public static async Task SetRoleAsync(AdminCall call, string? projectId, string? organizationId, string memberId, string role, bool passThru, CancellationToken cancellationToken)
        {
            var scope = await ScopeAsync(call, projectId, organizationId, cancellationToken).ConfigureAwait(false);
            if (scope == null || AdminItem.Rejected(call.Output, InputRules.CheckId("Member", memberId), memberId, MemberIdAction)) return;
            InputRules.Require(AdminRules.CheckRole(scope, role), "Role");
            var known = AdminRules.Normalize(role)!;
            if (!call.Output.ShouldProcess("member '" + memberId + "' of " + scope, "Set role " + known)) return;
            await AdminItem.TryAsync(call.Output, memberId, async () =>
            {
                var member = await call.Admin.UpdateMemberRoleAsync(scope, memberId, known, call.Context, cancellationToken).ConfigureAwait(false);
                if (passThru) call.Output.WriteObject(member);
            }).ConfigureAwait(false);
        }

        /// <summary>The invitation link of a PENDING user (the API answers 400 for anyone else).</summary>
        public static async Task GetInviteUrlAsync(AdminCall call, string? projectId, string? organizationId, string memberId, CancellationToken cancellationToken)
        {
            var scope = await ScopeAsync(call, projectId, organizationId, cancellationToken).ConfigureAwait(false);
            if (scope == null || AdminItem.Rejected(call.Output, InputRules.CheckId("Member", memberId), memberId, MemberIdAction)) return;
            await AdminItem.TryAsync(call.Output, memberId, async () => call.Output.WriteObject(await call.Admin.GetInviteUrlAsync(scope, memberId, call.Context, cancellationToken).ConfigureAwait(false))).ConfigureAwait(false);
        }

        /// <summary>The project given, else the organization; null (and an error written) for a bad project id.</summary>
        internal static async Task<MemberScope?> ScopeAsync(AdminCall call, string? projectId, string? organizationId, CancellationToken cancellationToken)
        {
            if (!string.IsNullOrEmpty(projectId))
                return AdminItem.Rejected(call.Output, InputRules.CheckId("Project", projectId), projectId, "Pass a project id such as the ProjectId of Get-IotProject's output.") ? null : MemberScope.Project(projectId!);
            return MemberScope.Organization(await call.OrganizationIdAsync(organizationId, cancellationToken).ConfigureAwait(false));
        }
    }
}
