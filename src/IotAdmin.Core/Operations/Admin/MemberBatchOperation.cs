using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Backends;
using IotAdmin.Errors;
using IotAdmin.Http;
using IotAdmin.Models;
using IotAdmin.Output;
using IotAdmin.Sessions;
using IotAdmin.Validation;

namespace IotAdmin.Operations.Admin
{
    /// <summary>
    /// The shape of Add-IotMember and Remove-IotMember: each piped member is checked and confirmed on the pipeline
    /// thread; project members go out together (members:batchCreate / members:batchDelete, up to
    /// <see cref="MaxBatchSize"/> per call, across projects), organization members one by one. The API takes a batch
    /// all or nothing, so a batch refused for one member's sake (400, 404, 409, or a 403 in a batch across projects)
    /// is sent again member by member: every member gets its own outcome. A summary goes to the Information stream.
    /// </summary>
    internal abstract class MemberBatchOperation
    {
        public const int MaxBatchSize = 100;

        private readonly int _batchSize;
        private readonly bool _whatIfMode;
        private readonly RequestCounters _counters = new RequestCounters();
        private readonly long _started;
        private List<MemberItem> _pending = new List<MemberItem>();
        private int _succeeded;
        private int _failed;
        private int _skipped;
        private int _whatIf;

        /// <summary>Refuses a Google session (no request is made).</summary>
        protected MemberBatchOperation(IotSession session, int batchSize, bool whatIf)
        {
            InputRules.Require(batchSize < 1 || batchSize > MaxBatchSize ? "BatchSize must be 1.." + MaxBatchSize + "." : null, "BatchSize");
            Session = session;
            Admin = AdminBackend.For(session, "members");
            _batchSize = batchSize;
            _whatIfMode = whatIf;
            _started = session.Time.GetTimestamp();
        }

        protected IotSession Session { get; }

        protected DtAdminBackend Admin { get; }

        protected abstract string CommandName { get; }

        /// <summary>What the per-item error of a bad value recommends.</summary>
        protected abstract string BadInputAction { get; }

        /// <summary>Why this member cannot be sent (bad e-mail, role, id), or null.</summary>
        protected abstract string? Check(MemberItem item);

        /// <summary>The ShouldProcess action: "Add a@b as project.user", "Remove the member".</summary>
        protected abstract string Action(MemberItem item);

        /// <summary>One call for the batch (project members only); writes what it returns.</summary>
        protected abstract Task SendBatchAsync(IReadOnlyList<MemberItem> batch, ICommandOutput output, ApiCallContext context, CancellationToken cancellationToken);

        /// <summary>One member's own call; writes what it returns.</summary>
        protected abstract Task SendOneAsync(MemberItem item, ICommandOutput output, ApiCallContext context, CancellationToken cancellationToken);

        /// <summary>
        /// Checks, confirms and queues one member (<paramref name="subject"/>: an e-mail to add, a member id to remove);
        /// returns I/O to run off the pipeline thread (a full batch, an organization member), or null.
        /// </summary>
        public Func<ICommandOutput, CancellationToken, Task>? Queue(string? projectId, string? organizationId, string subject, string? role, ICommandOutput output)
        {
            Session.ThrowIfDisposed();
            if (string.IsNullOrEmpty(projectId)) return (o, ct) => SendToOrganizationAsync(organizationId, subject, role, o, ct);
            var item = new MemberItem(MemberScope.Project(projectId!), subject.Trim(), role);
            if (!Accept(item, output)) return null;
            _pending.Add(item);
            return _pending.Count >= _batchSize ? FlushAsync : (Func<ICommandOutput, CancellationToken, Task>?)null;
        }

        /// <summary>Sends what is left and writes the summary.</summary>
        public async Task<IotBulkSummary> CompleteAsync(ICommandOutput output, CancellationToken cancellationToken)
        {
            if (_pending.Count > 0) await FlushAsync(output, cancellationToken).ConfigureAwait(false);
            var summary = new IotBulkSummary
            {
                Command = CommandName,
                Succeeded = _succeeded,
                Failed = _failed,
                Skipped = _skipped,
                WhatIf = _whatIf,
                Requests = _counters.Requests,
                Retries = _counters.Retries,
                Throttled = _counters.ServerThrottled,
                Elapsed = Session.Time.GetElapsedTime(_started),
            };
            output.WriteInformation(summary, new[] { "IotAdmin", "Summary", CommandName });
            return summary;
        }

        private bool Accept(MemberItem item, ICommandOutput output)
        {
            var problem = AdminRules.CheckScope(item.Scope) ?? Check(item);
            if (AdminItem.Rejected(output, problem, item.Subject, BadInputAction)) return Count(ref _failed);
            if (output.ShouldProcess(item.Scope.ToString(), Action(item))) return true;
            return _whatIfMode ? Count(ref _whatIf) : Count(ref _skipped);
        }

        private async Task SendToOrganizationAsync(string? organizationId, string subject, string? role, ICommandOutput output, CancellationToken cancellationToken)
        {
            var call = new AdminCall(Session, output, "members", new ApiCallContext(output, _counters));
            var item = new MemberItem(MemberScope.Organization(await call.OrganizationIdAsync(organizationId, cancellationToken).ConfigureAwait(false)), subject.Trim(), role);
            if (Accept(item, output)) await SendEachAsync(new[] { item }, output, call.Context, cancellationToken).ConfigureAwait(false);
        }

        private async Task FlushAsync(ICommandOutput output, CancellationToken cancellationToken)
        {
            var batch = _pending;
            _pending = new List<MemberItem>();
            var context = new ApiCallContext(output, _counters);
            if (batch.Count == 1)
            {
                await SendEachAsync(batch, output, context, cancellationToken).ConfigureAwait(false);
                return;
            }

            try
            {
                await SendBatchAsync(batch, output, context, cancellationToken).ConfigureAwait(false);
                _succeeded += batch.Count;
            }
            catch (IotApiException e) when (!ErrorRules.EndsTheCommand(e) && MayBeOneMembersFault(e, batch))
            {
                output.Verbose(CommandName + ": the API refused the batch of " + batch.Count + " (" + e.Status + "); sending the members one by one to report each.");
                await SendEachAsync(batch, output, context, cancellationToken).ConfigureAwait(false);
            }
            catch (IotApiException e) when (!ErrorRules.EndsTheCommand(e))
            {
                // The whole call failed (a 403 in one project, 5xx after the retries): the same error for every member in it.
                foreach (var item in batch) output.WriteError(IotErrorInfo.FromApi(e, item.Subject));
                _failed += batch.Count;
            }
        }

        /// <summary>
        /// Whether a refused batch may have failed for some members only: 400, 404 and 409 name one member or project;
        /// a 403 does so only when the batch spans projects (within one project it holds for every member alike).
        /// </summary>
        private static bool MayBeOneMembersFault(IotApiException e, List<MemberItem> batch)
        {
            switch (e.StatusCode)
            {
                case 400:
                case 404:
                case 409:
                    return true;
                case 403:
                    return batch.Select(i => i.Scope.Id).Distinct(StringComparer.Ordinal).Count() > 1;
                default:
                    return false;
            }
        }

        private async Task SendEachAsync(IEnumerable<MemberItem> items, ICommandOutput output, ApiCallContext context, CancellationToken cancellationToken)
        {
            foreach (var item in items)
            {
                if (await AdminItem.TryAsync(output, item.Subject, () => SendOneAsync(item, output, context, cancellationToken)).ConfigureAwait(false)) _succeeded++;
                else _failed++;
            }
        }

        private static bool Count(ref int counter)
        {
            counter++;
            return false;
        }
    }

    /// <summary>One member of a batch: where, who (an e-mail to add, a member id to remove), and the role of an add.</summary>
    internal sealed class MemberItem
    {
        public MemberItem(MemberScope scope, string subject, string? role)
        {
            Scope = scope;
            Subject = subject;
            Role = role;
        }

        public MemberScope Scope { get; }

        public string Subject { get; }

        public string? Role { get; }
    }
}
