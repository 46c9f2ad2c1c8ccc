using System.Management.Automation;
using IotAdmin.Operations.Admin;

namespace IotAdmin.Commands
{
    /// <summary><para type="synopsis">Removes a member from a project or from the organization.</para></summary>
    [Cmdlet(VerbsCommon.Remove, "IotMember", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    public sealed class RemoveIotMemberCommand : MemberCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string MemberId { get; set; } = string.Empty;

        protected override void ProcessRecord() =>
            RunAdmin((call, stopping) => MemberOperations.RemoveAsync(call, ProjectId, OrganizationId, MemberId, stopping));
    }
}
