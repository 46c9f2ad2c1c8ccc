using System.Management.Automation;
using IotAdmin.Commands.Completion;
using IotAdmin.Models;
using IotAdmin.Operations.Admin;

namespace IotAdmin.Commands
{
    /// <summary><para type="synopsis">Changes the role of a member of a project.</para></summary>
    [Cmdlet(VerbsCommon.Set, "IotMember", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(IotMember))]
    public sealed class SetIotMemberCommand : MemberCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string MemberId { get; set; } = string.Empty;

        /// <summary>project.user, project.developer or project.admin (a member has exactly one role).</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(RoleCompleter))]
        public string Role { get; set; } = string.Empty;

        /// <summary>Emit the member as it is after the change.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord() =>
            RunAdmin((call, stopping) => MemberOperations.SetRoleAsync(call, ProjectId, OrganizationId, MemberId, Role, PassThru, stopping));
    }
}
