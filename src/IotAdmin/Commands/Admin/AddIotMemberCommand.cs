using System.Management.Automation;
using IotAdmin.Commands.Completion;
using IotAdmin.Models;
using IotAdmin.Operations.Admin;
using IotAdmin.Sessions;

namespace IotAdmin.Commands
{
    /// <summary>
    /// <para type="synopsis">Adds (invites) users or service accounts to projects or the organization with one role; piped adds go out in batches.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "IotMember", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(IotMember))]
    public sealed class AddIotMemberCommand : MemberBatchCmdlet
    {
        /// <summary>The projects to add to; without it, the organization (role organization.admin).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        public string[]? ProjectId { get; set; }

        /// <summary>Used when no -ProjectId is given; default: the account's organization when it sees exactly one.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? OrganizationId { get; set; }

        /// <summary>E-mail addresses of users, or the Email of service accounts (Get-IotServiceAccount).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] Email { get; set; } = new string[0];

        /// <summary>project.user, project.developer, project.admin, or organization.admin (organization members).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(RoleCompleter))]
        public string Role { get; set; } = string.Empty;

        private protected override MemberBatchOperation CreateOperation(IotSession session, int batchSize, bool whatIf) => new AddMemberOperation(session, batchSize, whatIf);

        /// <summary>Each e-mail for each project.</summary>
        protected override void ProcessRecord()
        {
            var projects = ProjectId == null || ProjectId.Length == 0 ? new string?[] { null } : ProjectId;
            foreach (var project in projects)
                foreach (var email in Email) Queue(project, OrganizationId, email, Role);
        }
    }
}
