using System.Management.Automation;
using IotAdmin.Commands.Completion;
using IotAdmin.Models;
using IotAdmin.Operations.Admin;

namespace IotAdmin.Commands
{
    /// <summary>
    /// <para type="synopsis">Adds (invites) users or service accounts to projects or the organization with one role; piped adds go out in batches.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "IotMember", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(IotMember))]
    public sealed class AddIotMemberCommand : AdministrationCmdlet
    {
        private AddMemberOperation? _operation;

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

        /// <summary>Project members per members:batchCreate request (1–100; default 100).</summary>
        [Parameter]
        [ValidateRange(1, MemberBatchOperation.MaxBatchSize)]
        public int BatchSize { get; set; } = MemberBatchOperation.MaxBatchSize;

        private protected override string Administers => "members";

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            var session = ResolveSession();
            RunHere(output =>
            {
                _operation = new AddMemberOperation(session, BatchSize, IsWhatIf); // refuses a Google session before any request
                return null;
            });
        }

        /// <summary>Each member is checked, confirmed and queued here; only a full batch or an organization add goes to the pump.</summary>
        protected override void ProcessRecord()
        {
            var operation = _operation;
            if (operation == null) return;
            var projects = ProjectId == null || ProjectId.Length == 0 ? new string?[] { null } : ProjectId;
            foreach (var project in projects)
            {
                foreach (var email in Email)
                {
                    var p = project;
                    var e = email;
                    RunHere(output => operation.Add(p, OrganizationId, e, Role, output));
                }
            }
        }

        protected override void EndProcessing()
        {
            var operation = _operation;
            if (operation != null) Run((output, stopping) => operation.CompleteAsync(output, stopping));
        }
    }
}
