using System.Management.Automation;
using IotAdmin.Operations.Admin;
using IotAdmin.Sessions;

namespace IotAdmin.Commands
{
    /// <summary>
    /// The shape of Add-IotMember and Remove-IotMember: the operation is made once (refusing a Google session before
    /// any request), each piped member is checked, confirmed and queued on the pipeline thread, full batches and the
    /// rest go through the pump, and the summary comes at the end.
    /// </summary>
    public abstract class MemberBatchCmdlet : AdministrationCmdlet
    {
        private MemberBatchOperation? _operation;

        /// <summary>Project members per batch request (1–100; default 100).</summary>
        [Parameter]
        [ValidateRange(1, MemberBatchOperation.MaxBatchSize)]
        public int BatchSize { get; set; } = MemberBatchOperation.MaxBatchSize;

        private protected override string Administers => "members";

        private protected abstract MemberBatchOperation CreateOperation(IotSession session, int batchSize, bool whatIf);

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            var session = ResolveSession();
            RunHere(output =>
            {
                _operation = CreateOperation(session, BatchSize, IsWhatIf);
                return null;
            });
        }

        /// <summary>Queues one member (<paramref name="subject"/>: an e-mail to add, a member id to remove).</summary>
        private protected void Queue(string? projectId, string? organizationId, string subject, string? role)
        {
            var operation = _operation;
            if (operation != null) RunHere(output => operation.Queue(projectId, organizationId, subject, role, output));
        }

        protected override void EndProcessing()
        {
            var operation = _operation;
            if (operation != null) Run((output, stopping) => operation.CompleteAsync(output, stopping));
        }
    }
}
