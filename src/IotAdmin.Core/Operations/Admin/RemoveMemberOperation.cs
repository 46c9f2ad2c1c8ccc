using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Http;
using IotAdmin.Output;
using IotAdmin.Sessions;
using IotAdmin.Validation;

namespace IotAdmin.Operations.Admin
{
    /// <summary>Remove-IotMember: member ids, batched into members:batchDelete calls (see <see cref="MemberBatchOperation"/>).</summary>
    internal sealed class RemoveMemberOperation : MemberBatchOperation
    {
        public RemoveMemberOperation(IotSession session, int batchSize, bool whatIf)
            : base(session, batchSize, whatIf)
        {
        }

        protected override string CommandName => "Remove-IotMember";

        protected override string BadInputAction => "Pass a member id such as the MemberId of Get-IotMember's output.";

        /// <summary>Checks, confirms and queues one member (see <see cref="MemberBatchOperation.Queue"/>).</summary>
        public System.Func<ICommandOutput, CancellationToken, Task>? Remove(string? projectId, string? organizationId, string memberId, ICommandOutput output) =>
            Queue(projectId, organizationId, memberId, null, output);

        protected override string? Check(MemberItem item) => InputRules.CheckId("Member", item.Subject);

        protected override string Action(MemberItem item) => "Remove member '" + item.Subject + "'";

        protected override Task SendBatchAsync(IReadOnlyList<MemberItem> batch, ICommandOutput output, ApiCallContext context, CancellationToken cancellationToken) =>
            Admin.BatchDeleteMembersAsync(batch.Select(i => i.Scope.Path + "/members/" + i.Subject).ToList(), context, cancellationToken);

        protected override Task SendOneAsync(MemberItem item, ICommandOutput output, ApiCallContext context, CancellationToken cancellationToken) =>
            Admin.RemoveMemberAsync(item.Scope, item.Subject, context, cancellationToken);
    }
}
