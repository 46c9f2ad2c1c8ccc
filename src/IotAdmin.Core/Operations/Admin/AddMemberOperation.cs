using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Http;
using IotAdmin.Output;
using IotAdmin.Sessions;
using IotAdmin.Wire;

namespace IotAdmin.Operations.Admin
{
    /// <summary>Add-IotMember: e-mails with one role each, batched into members:batchCreate calls (see <see cref="MemberBatchOperation"/>).</summary>
    internal sealed class AddMemberOperation : MemberBatchOperation
    {
        public AddMemberOperation(IotSession session, int batchSize, bool whatIf)
            : base(session, batchSize, whatIf)
        {
        }

        protected override string CommandName => "Add-IotMember";

        protected override string BadInputAction => "Pass an e-mail address and one of the roles " + string.Join(", ", AdminRules.AllRoles) + ".";

        /// <summary>Checks, confirms and queues one e-mail with its role (see <see cref="MemberBatchOperation.Queue"/>).</summary>
        public System.Func<ICommandOutput, CancellationToken, Task>? Add(string? projectId, string? organizationId, string email, string role, ICommandOutput output) =>
            Queue(projectId, organizationId, email, role, output);

        protected override string? Check(MemberItem item) => AdminRules.CheckEmail(item.Subject) ?? AdminRules.CheckRole(item.Scope, item.Role);

        protected override string Action(MemberItem item) => "Add " + item.Subject + " as " + AdminRules.Normalize(item.Role);

        protected override async Task SendBatchAsync(IReadOnlyList<MemberItem> batch, ICommandOutput output, ApiCallContext context, CancellationToken cancellationToken)
        {
            var body = batch.Select(i => new BatchMemberDto { Project = i.Scope.Path, Email = i.Subject, Roles = new List<string> { DtAdminModelMapper.RoleName(AdminRules.Normalize(i.Role)!) } }).ToList();
            foreach (var member in await Admin.BatchCreateMembersAsync(body, context, cancellationToken).ConfigureAwait(false)) output.WriteObject(member);
        }

        protected override async Task SendOneAsync(MemberItem item, ICommandOutput output, ApiCallContext context, CancellationToken cancellationToken) =>
            output.WriteObject(await Admin.AddMemberAsync(item.Scope, item.Subject, AdminRules.Normalize(item.Role)!, context, cancellationToken).ConfigureAwait(false));
    }
}
