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

namespace IotAdmin.Operations.Onboarding
{
    /// <summary>
    /// Register-IotDevice: kit and device ids from the pipeline are checked, confirmed and queued on the pipeline
    /// thread, and claimed into one project in the fewest calls (kits and devices together, up to BatchSize ids per
    /// call). Under -WhatIf every id still goes into the server's dry run (dryRun=true), so the user sees item by item
    /// what would be claimed and what would fail, and nothing changes. ALREADY_CLAIMED for an id whose devices are all
    /// in this project already is success (a re-run); every other failure is a non-terminating error with the id as
    /// target.
    /// </summary>
    internal sealed class ClaimOperation
    {
        public const string CommandName = "Register-IotDevice";

        private readonly IotSession _session;
        private readonly IOnboardingBackend _backend;
        private readonly string _projectId;
        private readonly int _batchSize;
        private readonly bool _dryRun;
        private readonly OnboardingTally _tally;
        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);
        private List<ClaimItem> _pending = new List<ClaimItem>();

        public ClaimOperation(IotSession session, string projectId, int batchSize, bool whatIf, IOnboardingBackend? backend = null)
        {
            _session = session ?? throw new ArgumentNullException(nameof(session));
            InputRules.Require(InputRules.CheckId("Project", projectId), "ProjectId");
            if (batchSize < 1 || batchSize > Bulk.BulkOptions.MaxBatchSize) throw new ArgumentException("-BatchSize must be 1 to " + Bulk.BulkOptions.MaxBatchSize + ".", "BatchSize");
            _backend = backend ?? OnboardingApi.For(session);
            _projectId = projectId;
            _batchSize = batchSize;
            _dryRun = whatIf;
            _tally = new OnboardingTally(session, CommandName);
        }

        /// <summary>What ShouldProcess shows: the project and that it cannot be undone.</summary>
        public string Action => "Claim into project '" + _projectId + "' (cannot be undone; starts the subscription)";

        /// <summary>
        /// Takes one id on the pipeline thread; returns the claim call to run off it when a batch is full, else null.
        /// Under -WhatIf ShouldProcess prints its "What if:" line and answers false; the id is queued for the dry run all the same.
        /// </summary>
        public Func<ICommandOutput, CancellationToken, Task>? Add(ClaimItem item, ICommandOutput output)
        {
            _session.ThrowIfDisposed();
            var problem = InputRules.CheckId(item.IsKit ? "Kit" : "Device", item.Id);
            if (problem != null)
            {
                _tally.Fail(output, IotErrorInfo.InvalidInput(ClientErrorIds.InvalidDeviceId, problem, item.Id ?? string.Empty, "Pass the kit id printed on the box (-KitId) or the device id from the sensor's label (-DeviceId)."));
                return null;
            }

            if (!_seen.Add(item.ToString()))
            {
                output.Verbose("Skipping " + item + ": it came twice.");
                return null;
            }

            if (!output.ShouldProcess(item.ToString(), Action) && !_dryRun)
            {
                _tally.Skipped++;
                return null;
            }

            _pending.Add(item);
            return _pending.Count < _batchSize ? null : FlushAsync;
        }

        /// <summary><see cref="Add"/> and its I/O, awaited (for callers that are not a PowerShell pipeline).</summary>
        public async Task AddAsync(ClaimItem item, ICommandOutput output, CancellationToken cancellationToken)
        {
            var io = Add(item, output);
            if (io != null) await io(output, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Sends what is left, then writes the summary.</summary>
        public async Task<IotBulkSummary> CompleteAsync(ICommandOutput output, CancellationToken cancellationToken)
        {
            if (_pending.Count > 0) await FlushAsync(output, cancellationToken).ConfigureAwait(false);
            return _tally.WriteSummary(output);
        }

        private async Task FlushAsync(ICommandOutput output, CancellationToken cancellationToken)
        {
            var batch = _pending;
            _pending = new List<ClaimItem>();
            var context = _tally.Context(output);
            ClaimAnswer answer;
            try
            {
                answer = await _backend.ClaimAsync(_projectId, batch.Where(i => i.IsKit).Select(i => i.Id).ToList(), batch.Where(i => !i.IsKit).Select(i => i.Id).ToList(), _dryRun, context, cancellationToken).ConfigureAwait(false);
            }
            catch (IotApiException e) when (!ErrorRules.EndsTheCommand(e))
            {
                foreach (var item in batch) _tally.Fail(output, IotErrorInfo.FromApi(e, item.Id));
                return;
            }

            var errors = answer.Errors.ToDictionary(e => (e.IsKit ? "kit " : "device ") + e.Id, StringComparer.Ordinal);
            var claimed = new Dictionary<string, IotClaimDevice>(StringComparer.Ordinal);
            foreach (var d in answer.Claimed) claimed[d.DeviceId] = d;
            var alreadyClaimed = new List<(ClaimItem Item, ClaimError Error)>();
            foreach (var item in batch)
            {
                if (!errors.TryGetValue(item.ToString(), out var error))
                {
                    Succeed(output, item, _dryRun ? "WouldClaim" : "Claimed", claimed.TryGetValue(item.Id, out var d) ? d.DeviceType : null);
                }
                else if (error.IsAlreadyClaimed)
                {
                    alreadyClaimed.Add((item, error));
                }
                else
                {
                    _tally.Fail(output, IotErrorInfo.FromApi(error.Error, item.Id));
                }
            }

            if (alreadyClaimed.Count > 0) await ResolveAlreadyClaimedAsync(alreadyClaimed, output, context, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// ALREADY_CLAIMED is success when the id's devices are in this project already (a re-run): devices are looked up
        /// 50 per filtered listing; a kit needs its claim info first (which devices it has).
        /// </summary>
        private async Task ResolveAlreadyClaimedAsync(List<(ClaimItem Item, ClaimError Error)> items, ICommandOutput output, ApiCallContext context, CancellationToken cancellationToken)
        {
            var devicesOf = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var (item, error) in items)
            {
                if (!item.IsKit)
                {
                    devicesOf[item.ToString()] = new[] { item.Id };
                    continue;
                }

                try
                {
                    devicesOf[item.ToString()] = (await _backend.GetClaimInfoAsync(item.Id, context, cancellationToken).ConfigureAwait(false)).Devices.Select(d => d.DeviceId).ToList();
                }
                catch (IotApiException e) when (!ErrorRules.EndsTheCommand(e))
                {
                    output.Verbose("Could not read kit '" + item.Id + "' to see whether it is in project '" + _projectId + "' already: " + e.Message);
                }
            }

            var wanted = devicesOf.Values.SelectMany(d => d).Distinct(StringComparer.Ordinal).ToList();
            var inProject = new HashSet<string>(StringComparer.Ordinal);
            try
            {
                await foreach (var device in DeviceIdLookup.ListAsync(_session.Backend, _projectId, wanted, null, context, cancellationToken).ConfigureAwait(false)) inProject.Add(device.DeviceId);
            }
            catch (IotApiException e) when (!ErrorRules.EndsTheCommand(e))
            {
                output.Verbose("Could not list project '" + _projectId + "' to see which claimed devices are in it already: " + e.Message);
            }

            foreach (var (item, error) in items)
            {
                if (devicesOf.TryGetValue(item.ToString(), out var ids) && ids.Count > 0 && ids.All(inProject.Contains)) Succeed(output, item, "AlreadyInProject", null);
                else _tally.Fail(output, IotErrorInfo.FromApi(error.Error, item.Id));
            }
        }

        private void Succeed(ICommandOutput output, ClaimItem item, string outcome, string? deviceType)
        {
            if (_dryRun) _tally.WhatIf++;
            else _tally.Succeeded++;
            output.WriteObject(new IotClaimResult { Id = item.Id, Kind = item.Kind, ProjectId = _projectId, Outcome = outcome, DryRun = _dryRun, DeviceType = deviceType });
        }
    }
}
