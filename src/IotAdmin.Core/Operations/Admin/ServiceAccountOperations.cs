using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Validation;
using IotAdmin.Wire;

namespace IotAdmin.Operations.Admin
{
    /// <summary>Get-, New-, Set- and Remove-IotServiceAccount (dt-api-admin.md §4).</summary>
    internal static class ServiceAccountOperations
    {
        internal const string ServiceAccountIdAction = "Pass a service account id such as the ServiceAccountId of Get-IotServiceAccount's output.";

        public static async Task GetAsync(AdminCall call, string projectId, IReadOnlyList<string>? serviceAccountIds, CancellationToken cancellationToken)
        {
            if (Rejected(call, projectId, null)) return;
            if (serviceAccountIds == null || serviceAccountIds.Count == 0)
            {
                await AdminItem.WriteAllAsync(call.Output, projectId, call.Admin.ListServiceAccountsAsync(projectId, call.Context, cancellationToken), cancellationToken).ConfigureAwait(false);
                return;
            }

            foreach (var id in serviceAccountIds)
            {
                if (Rejected(call, null, id)) continue;
                await AdminItem.TryAsync(call.Output, id, async () => call.Output.WriteObject(await call.Admin.GetServiceAccountAsync(projectId, id, call.Context, cancellationToken).ConfigureAwait(false))).ConfigureAwait(false);
            }
        }

        /// <summary>Creates an account; it may do nothing until its e-mail is added as a member.</summary>
        public static async Task NewAsync(AdminCall call, string projectId, string? displayName, bool enableBasicAuth, CancellationToken cancellationToken)
        {
            if (Rejected(call, projectId, null)) return;
            InputRules.Require(AdminRules.CheckDisplayName("Service account", displayName), "DisplayName");
            if (!call.Output.ShouldProcess("project '" + projectId + "'", "Create service account '" + displayName + "'")) return;
            await AdminItem.TryAsync(call.Output, displayName ?? projectId, async () =>
                call.Output.WriteObject(await call.Admin.CreateServiceAccountAsync(projectId, displayName, enableBasicAuth, call.Context, cancellationToken).ConfigureAwait(false))).ConfigureAwait(false);
        }

        public static async Task SetAsync(AdminCall call, string projectId, string serviceAccountId, string? displayName, bool? enableBasicAuth, bool passThru, CancellationToken cancellationToken)
        {
            if (Rejected(call, projectId, serviceAccountId)) return;
            InputRules.Require(AdminRules.CheckDisplayName("Service account", displayName), "DisplayName");
            var mask = new List<string>();
            if (displayName != null) mask.Add("displayName");
            if (enableBasicAuth.HasValue) mask.Add("enableBasicAuth");
            InputRules.Require(mask.Count == 0 ? "Nothing to change: pass -DisplayName or -EnableBasicAuth." : null, "DisplayName");
            if (!call.Output.ShouldProcess("service account '" + serviceAccountId + "' of project '" + projectId + "'", "Set " + string.Join(", ", mask))) return;
            await AdminItem.TryAsync(call.Output, serviceAccountId, async () =>
            {
                var body = new ServiceAccountRequest { DisplayName = displayName, EnableBasicAuth = enableBasicAuth };
                var account = await call.Admin.UpdateServiceAccountAsync(projectId, serviceAccountId, body, mask, call.Context, cancellationToken).ConfigureAwait(false);
                if (passThru) call.Output.WriteObject(account);
            }).ConfigureAwait(false);
        }

        /// <summary>Deletes the account with its keys and memberships (tokens it holds stop working at once).</summary>
        public static async Task RemoveAsync(AdminCall call, string projectId, string serviceAccountId, CancellationToken cancellationToken)
        {
            if (Rejected(call, projectId, serviceAccountId)) return;
            if (!call.Output.ShouldProcess("service account '" + serviceAccountId + "' of project '" + projectId + "'", "Delete the service account, its keys and its memberships")) return;
            await AdminItem.TryAsync(call.Output, serviceAccountId, () => call.Admin.DeleteServiceAccountAsync(projectId, serviceAccountId, call.Context, cancellationToken)).ConfigureAwait(false);
        }

        /// <summary>A bad project or service account id (either may be null = not checked): an error about it, true.</summary>
        internal static bool Rejected(AdminCall call, string? projectId, string? serviceAccountId) =>
            (projectId != null && AdminItem.Rejected(call.Output, InputRules.CheckId("Project", projectId), projectId, "Pass a project id such as the ProjectId of Get-IotProject's output."))
            || (serviceAccountId != null && AdminItem.Rejected(call.Output, InputRules.CheckId("Service account", serviceAccountId), serviceAccountId, ServiceAccountIdAction));
    }
}
