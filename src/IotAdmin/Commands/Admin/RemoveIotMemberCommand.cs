using System.Management.Automation;
using IotAdmin.Commands.Completion;
using IotAdmin.Operations.Admin;
using IotAdmin.Sessions;

namespace IotAdmin.Commands
{
    /// <summary><para type="synopsis">Removes members from projects or from the organization; piped removals go out in batches.</para></summary>
    [Cmdlet(VerbsCommon.Remove, "IotMember", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    public sealed class RemoveIotMemberCommand : MemberBatchCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string MemberId { get; set; } = string.Empty;

        /// <summary>The member's project; without it, the organization (a piped member carries the one it belongs to).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        public string? ProjectId { get; set; }

        /// <summary>Used when no -ProjectId is given; default: the account's organization when it sees exactly one.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? OrganizationId { get; set; }

        private protected override MemberBatchOperation CreateOperation(IotSession session, int batchSize, bool whatIf) => new RemoveMemberOperation(session, batchSize, whatIf);

        protected override void ProcessRecord() => Queue(ProjectId, OrganizationId, MemberId, null);
    }
}
