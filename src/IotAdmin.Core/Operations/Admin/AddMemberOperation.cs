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
using IotAdmin.Wire;

namespace IotAdmin.Operations.Admin
{
    /// <summary>
    /// Add-IotMember: each piped (project or organization, e-mail, role) is checked and confirmed on the pipeline
    /// thread; project members go out together as members:batchCreate calls (up to <see cref="MaxBatchSize"/> each,
    /// across projects), organization members one by one. batchCreate is all or nothing, so a batch the API refuses
    /// for one member's sake (409 existing member, 404, 400, or a 403 in a batch across projects) is sent again member
    /// by member: every member gets its own outcome. A summary goes to the Information stream at the end.
    /// </summary>
    internal sealed class AddMemberOperation
    {
        public const int MaxBatchSize = 100;
        public const string CommandName = "Add-IotMember";


        private readonly IotSession _session;
        private readonly DtAdminBackend _admin;
        private readonly int _batchSize;
        private readonly bool _whatIfMode;
        private readonly RequestCounters _counters = new RequestCounters();
        private readonly long _started;
        private List<Pending> _pending = new List<Pending>();
        private int _succeeded;
        private int _failed;
        private int _skipped;
        private int _whatIf;

        /// <summary>Refuses a Google session (no request is made).</summary>
        public AddMemberOperation(IotSession session, int batchSize, bool whatIf)
        {
            InputRules.Require(batchSize < 1 || batchSize > MaxBatchSize ? "BatchSize must be 1.." + MaxBatchSize + "." : null, "BatchSize");
            _session = session;
            _admin = AdminBackend.For(session, "members");
            _batchSize = batchSize;
            _whatIfMode = whatIf;
            _started = session.Time.GetTimestamp();
        }

        /// <summary>Checks, confirms and queues one member; returns I/O to run off the pipeline thread (a full batch, an organization add), or null.</summary>
        public Func<ICommandOutput, CancellationToken, Task>? Add(string? projectId, string? organizationId, string email, string role, ICommandOutput output)
        {
            _session.ThrowIfDisposed();
            if (string.IsNullOrEmpty(projectId)) return (o, ct) => AddToOrganizationAsync(organizationId, email, role, o, ct);
            var scope = MemberScope.Project(projectId!);
            if (!Accept(scope, email, role, output)) return null;
            _pending.Add(new Pending(scope, email.Trim(), AdminRules.Normalize(role)!));
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
                Elapsed = _session.Time.GetElapsedTime(_started),
            };
            output.WriteInformation(summary, new[] { "IotAdmin", "Summary", CommandName });
            return summary;
        }

        private bool Accept(MemberScope scope, string email, string role, ICommandOutput output)
        {
            var problem = AdminRules.CheckScope(scope) ?? AdminRules.CheckEmail(email) ?? AdminRules.CheckRole(scope, role);
            if (AdminItem.Rejected(output, problem, email, "Pass an e-mail address and one of the roles " + string.Join(", ", AdminRules.AllRoles) + ".")) return Count(ref _failed);
            if (output.ShouldProcess(scope.ToString(), "Add " + email.Trim() + " as " + AdminRules.Normalize(role))) return true;
            return _whatIfMode ? Count(ref _whatIf) : Count(ref _skipped);
        }

        private async Task AddToOrganizationAsync(string? organizationId, string email, string role, ICommandOutput output, CancellationToken cancellationToken)
        {
            var call = new AdminCall(_session, output, "members", new ApiCallContext(output, _counters));
            var scope = MemberScope.Organization(await call.OrganizationIdAsync(organizationId, cancellationToken).ConfigureAwait(false));
            if (!Accept(scope, email, role, output)) return;
            await AddOneAsync(new Pending(scope, email.Trim(), AdminRules.Normalize(role)!), output, call.Context, cancellationToken).ConfigureAwait(false);
        }

        private async Task FlushAsync(ICommandOutput output, CancellationToken cancellationToken)
        {
            var batch = _pending;
            _pending = new List<Pending>();
            var context = new ApiCallContext(output, _counters);
            if (batch.Count == 1)
            {
                await AddOneAsync(batch[0], output, context, cancellationToken).ConfigureAwait(false);
                return;
            }

            try
            {
                var body = batch.Select(p => new BatchMemberDto { Project = p.Scope.Path, Email = p.Email, Roles = new List<string> { DtAdminModelMapper.RoleName(p.Role) } }).ToList();
                var added = await _admin.BatchCreateMembersAsync(body, context, cancellationToken).ConfigureAwait(false);
                foreach (var member in added) output.WriteObject(member);
                _succeeded += batch.Count;
            }
            catch (IotApiException e) when (!ErrorRules.EndsTheCommand(e) && MayBeOneMembersFault(e, batch))
            {
                output.Verbose("members:batchCreate refused the batch of " + batch.Count + " (" + e.Status + "); adding them one by one to report each.");
                foreach (var p in batch) await AddOneAsync(p, output, context, cancellationToken).ConfigureAwait(false);
            }
            catch (IotApiException e) when (!ErrorRules.EndsTheCommand(e))
            {
                // The whole call failed (403, 5xx after the retries): the same error for every member in it.
                foreach (var p in batch) output.WriteError(IotErrorInfo.FromApi(e, p.Email));
                _failed += batch.Count;
            }
        }

        /// <summary>
        /// Whether a refused batch may have failed for some members only: 400, 404 and 409 name one member or project;
        /// a 403 does so only when the batch spans projects (within one project it holds for every member alike).
        /// </summary>
        private static bool MayBeOneMembersFault(IotApiException e, List<Pending> batch)
        {
            switch (e.StatusCode)
            {
                case 400:
                case 404:
                case 409:
                    return true;
                case 403:
                    return batch.Select(p => p.Scope.Id).Distinct(StringComparer.Ordinal).Count() > 1;
                default:
                    return false;
            }
        }

        private async Task AddOneAsync(Pending p, ICommandOutput output, ApiCallContext context, CancellationToken cancellationToken)
        {
            var ok = await AdminItem.TryAsync(output, p.Email, async () => output.WriteObject(await _admin.AddMemberAsync(p.Scope, p.Email, p.Role, context, cancellationToken).ConfigureAwait(false))).ConfigureAwait(false);
            if (ok) _succeeded++;
            else _failed++;
        }

        private static bool Count(ref int counter)
        {
            counter++;
            return false;
        }

        private sealed class Pending
        {
            public Pending(MemberScope scope, string email, string role)
            {
                Scope = scope;
                Email = email;
                Role = role;
            }

            public MemberScope Scope { get; }

            public string Email { get; }

            public string Role { get; }
        }
    }
}
