using System.Management.Automation;
using IotAdmin.Operations.Admin;

namespace IotAdmin.Commands
{
    /// <summary><para type="synopsis">Gets the invitation link of a user who has not accepted yet (status PENDING).</para></summary>
    [Cmdlet(VerbsCommon.Get, "IotMemberInviteUrl")]
    [OutputType(typeof(string))]
    public sealed class GetIotMemberInviteUrlCommand : MemberCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string MemberId { get; set; } = string.Empty;

        protected override void ProcessRecord() =>
            RunAdmin((call, stopping) => MemberOperations.GetInviteUrlAsync(call, ProjectId, OrganizationId, MemberId, stopping));
    }
}
