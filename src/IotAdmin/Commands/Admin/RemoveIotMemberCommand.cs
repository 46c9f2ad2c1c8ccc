using System.Management.Automation;
using IotAdmin.Operations.Admin;

namespace IotAdmin.Commands
{
    /// <summary><para type="synopsis">Removes members from projects or from the organization; piped removals go out in batches.</para></summary>
    [Cmdlet(VerbsCommon.Remove, "IotMember", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    public sealed class RemoveIotMemberCommand : MemberCmdlet
    {
        private RemoveMemberOperation? _operation;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string MemberId { get; set; } = string.Empty;

        /// <summary>Project members per members:batchDelete request (1–100; default 100).</summary>
        [Parameter]
        [ValidateRange(1, MemberBatchOperation.MaxBatchSize)]
        public int BatchSize { get; set; } = MemberBatchOperation.MaxBatchSize;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            var session = ResolveSession();
            RunHere(output =>
            {
                _operation = new RemoveMemberOperation(session, BatchSize, IsWhatIf); // refuses a Google session before any request
                return null;
            });
        }

        /// <summary>Each member is checked, confirmed and queued here; only a full batch or an organization member goes to the pump.</summary>
        protected override void ProcessRecord()
        {
            var operation = _operation;
            if (operation == null) return;
            RunHere(output => operation.Remove(ProjectId, OrganizationId, MemberId, output));
        }

        protected override void EndProcessing()
        {
            var operation = _operation;
            if (operation != null) Run((output, stopping) => operation.CompleteAsync(output, stopping));
        }
    }
}
