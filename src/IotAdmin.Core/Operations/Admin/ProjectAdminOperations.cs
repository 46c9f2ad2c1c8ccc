using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Validation;
using IotAdmin.Wire;

namespace IotAdmin.Operations.Admin
{
    /// <summary>New-IotProject, Set-IotProject and Remove-IotProject (dt-api-admin.md §1).</summary>
    internal static class ProjectAdminOperations
    {
        private const string ProjectIdAction = "Pass a project id such as the ProjectId of Get-IotProject's output.";

        public static async Task NewAsync(AdminCall call, string? organizationId, ProjectChange change, CancellationToken cancellationToken)
        {
            InputRules.Require(string.IsNullOrWhiteSpace(change.DisplayName) ? "Project display name is empty." : null, "DisplayName");
            change.Require();
            var organization = await call.OrganizationIdAsync(organizationId, cancellationToken).ConfigureAwait(false);
            if (!call.Output.ShouldProcess("organization '" + organization + "'", "Create project '" + change.DisplayName + "'")) return;
            await AdminItem.TryAsync(call.Output, change.DisplayName, async () =>
                call.Output.WriteObject(await call.Admin.CreateProjectAsync(organization, change.DisplayName!, change.Location(), call.Context, cancellationToken).ConfigureAwait(false))).ConfigureAwait(false);
        }

        /// <summary>PATCH for the name and location (update_mask naming only those), projects:batchUpdate for labels.</summary>
        public static async Task SetAsync(AdminCall call, string projectId, ProjectChange change, bool passThru, CancellationToken cancellationToken)
        {
            if (AdminItem.Rejected(call.Output, InputRules.CheckId("Project", projectId), projectId, ProjectIdAction)) return;
            change.Require();
            var what = change.Describe();
            InputRules.Require(what.Length == 0 ? "Nothing to change: pass -DisplayName, -TimeZone, -Latitude, -Longitude, -Label or -RemoveLabel." : null, "DisplayName");
            if (!call.Output.ShouldProcess("project '" + projectId + "'", "Set " + what)) return;
            await AdminItem.TryAsync(call.Output, projectId, async () =>
            {
                Models.IotProject? project = null;
                if (change.DisplayName != null || change.HasLocation)
                {
                    var mask = new List<string>();
                    if (change.DisplayName != null) mask.Add("displayName");
                    var location = change.Location();
                    if (location != null)
                    {
                        // The location goes as a whole (servers differ on nested masks): the parts not given stay as they are.
                        var current = await call.Session.Backend.GetProjectAsync(projectId, call.Context, cancellationToken).ConfigureAwait(false);
                        location.Latitude ??= current.Latitude;
                        location.Longitude ??= current.Longitude;
                        location.TimeLocation ??= current.TimeZone;
                        mask.Add("location");
                    }

                    var body = new UpdateProjectRequest { DisplayName = change.DisplayName, Location = location };
                    project = await call.Admin.UpdateProjectAsync(projectId, body, mask, call.Context, cancellationToken).ConfigureAwait(false);
                }

                if (change.HasLabels)
                {
                    await call.Admin.UpdateProjectLabelsAsync(projectId, change.AddLabels, change.RemoveLabels, call.Context, cancellationToken).ConfigureAwait(false);
                    project = null; // the PATCH answer predates the labels
                }

                if (passThru) call.Output.WriteObject(project ?? await call.Session.Backend.GetProjectAsync(projectId, call.Context, cancellationToken).ConfigureAwait(false));
            }).ConfigureAwait(false);
        }

        /// <summary>DELETE: the API refuses (400) while devices, data connectors or service accounts remain, and always for the inventory project.</summary>
        public static async Task RemoveAsync(AdminCall call, string projectId, CancellationToken cancellationToken)
        {
            if (AdminItem.Rejected(call.Output, InputRules.CheckId("Project", projectId), projectId, ProjectIdAction)) return;
            if (!call.Output.ShouldProcess("project '" + projectId + "'", "Delete the project")) return;
            await AdminItem.TryAsync(call.Output, projectId, () => call.Admin.DeleteProjectAsync(projectId, call.Context, cancellationToken)).ConfigureAwait(false);
        }
    }
}
