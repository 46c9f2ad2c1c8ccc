using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Http;
using IotAdmin.Journal;
using IotAdmin.Models;
using IotAdmin.Operations.Bulk;
using IotAdmin.Output;
using IotAdmin.Sessions;
using IotAdmin.Validation;

namespace IotAdmin.Operations.Changes
{
    /// <summary>
    /// Per-device changes (a spreadsheet's rows, a journaled command, an undo): every device is queued on the pipeline
    /// thread; at the end the devices' current state is read in the fewest listing pages, devices already as wanted
    /// are skipped (nothing sent), devices an undo finds changed since are skipped with a warning, and the rest go out
    /// grouped by identical change — moves first, then label changes — each group through the ordinary bulk engine
    /// (batches of up to 1000, -WhatIf/-Confirm per device, per-device outcomes, retries). Each changed device's
    /// state before and after is written to the journal, when there is one. One summary covers the whole run.
    /// </summary>
    internal sealed class ChangePlanOperation
    {
        private readonly List<PlannedDevice> _planned = new List<PlannedDevice>();
        private readonly Dictionary<string, int> _index = new Dictionary<string, int>(StringComparer.Ordinal);
        private readonly RequestCounters _counters = new RequestCounters();
        private readonly ChangeJournal? _journal;
        private readonly long _started;
        private readonly List<IotBulkSummary> _groups = new List<IotBulkSummary>();
        private int _failed;
        private int _unchanged;
        private int _changedSince;

        public ChangePlanOperation(IotSession session, string commandName, BulkOptions options, ChangeJournal? journal)
        {
            Session = session ?? throw new ArgumentNullException(nameof(session));
            options.Validate();
            Options = options;
            CommandName = commandName;
            _journal = journal;
            _started = session.Time.GetTimestamp();
        }

        public string CommandName { get; }

        /// <summary>Devices found already as wanted (nothing sent for them; counted as succeeded).</summary>
        public int Unchanged => _unchanged;

        /// <summary>Devices an undo left alone because they changed after the journaled command.</summary>
        public int ChangedSince => _changedSince;

        private IotSession Session { get; }

        private BulkOptions Options { get; }

        /// <summary>Queues one device (pipeline thread, no I/O). A device given twice keeps its last change.</summary>
        public void Add(PlannedDevice device, ICommandOutput output)
        {
            Session.ThrowIfDisposed();
            var problem = InputRules.CheckId("Device", device.DeviceId) ?? (device.ProjectId == null ? null : InputRules.CheckId("Project", device.ProjectId))
                ?? (device.Change.MoveTo == null ? null : InputRules.CheckId("Destination project", device.Change.MoveTo));
            if (problem != null)
            {
                Reject(device.ToString(), problem, output);
                return;
            }

            if (_index.TryGetValue(device.DeviceId, out var at))
            {
                output.Verbose("Device '" + device.DeviceId + "' came again: its last change counts.");
                _planned[at] = device;
                return;
            }

            _index[device.DeviceId] = _planned.Count;
            _planned.Add(device);
        }

        /// <summary>An input item that cannot become a change (a bad label value in a row): a non-terminating error, counted as failed.</summary>
        public void Reject(object target, string message, ICommandOutput output)
        {
            _failed++;
            output.WriteError(IotErrorInfo.InvalidInput(ClientErrorIds.InvalidLabelChange, message, target, "Correct the row (label keys and values must follow the API's rules) and run the command again."));
        }

        public async Task<IotBulkSummary> CompleteAsync(ICommandOutput output, CancellationToken cancellationToken)
        {
            var counting = new CountingErrors(output);
            var context = new ApiCallContext(counting, _counters);
            var current = await CurrentDevices.ReadAsync(Session, CommandName, _planned, counting, context, cancellationToken).ConfigureAwait(false);
            _failed += counting.Errors;

            var toChange = new List<PlannedDevice>();
            foreach (var planned in _planned)
            {
                if (!current.TryGetValue(planned.DeviceId, out var device)) continue;
                if (planned.Change.IsDone(device))
                {
                    _unchanged++;
                }
                else if (planned.Change.Expected != null && !planned.Change.Expected.Equals(DeviceState.Of(device)))
                {
                    _changedSince++;
                    output.WriteWarning("Skipped " + device.Name + ": it changed after the journaled command (now " + DeviceState.Of(device) + ", journaled " + planned.Change.Expected + ").");
                }
                else
                {
                    toChange.Add(planned);
                }
            }

            if (_unchanged > 0) output.Verbose(CountText.Of(_unchanged, "device") + " already as wanted: nothing sent for them.");

            // Moves first (the labels are then changed where the device is), each destination one group.
            var after = new Dictionary<string, IotDevice>(StringComparer.Ordinal);
            void Changed(IotDevice device)
            {
                // Journaled as each batch succeeds (a stopped run keeps the lines of what it did); a device moved and
                // then relabelled gets two lines, which an undo reads as one change.
                _journal?.Record(after.TryGetValue(device.DeviceId, out var prior) ? prior : current[device.DeviceId], device);
                after[device.DeviceId] = device;
            }

            var effective = toChange.ToDictionary(p => p.DeviceId, p => p.Change.EffectiveFor(current[p.DeviceId]), StringComparer.Ordinal);
            foreach (var group in toChange.Where(p => effective[p.DeviceId].MoveTo != null).GroupBy(p => effective[p.DeviceId].MoveTo!, StringComparer.Ordinal))
                await RunGroupAsync(() => new MoveDeviceOperation(Session, group.Key, GroupOptions()), group.Select(p => current[p.DeviceId]), Changed, output, cancellationToken).ConfigureAwait(false);

            // Then labels, grouped by what each device still needs; a device that needs part of its row's change joins
            // the group of the whole change when there is one (re-sending a label it has is harmless): fewest calls.
            var labelled = toChange.Where(p => effective[p.DeviceId].ChangesLabels && (effective[p.DeviceId].MoveTo == null || after.ContainsKey(p.DeviceId))).ToList();
            var needed = new HashSet<string>(labelled.Select(p => effective[p.DeviceId].LabelKey), StringComparer.Ordinal);
            foreach (var group in labelled.GroupBy(p => needed.Contains(p.Change.LabelKey) ? p.Change.LabelKey : effective[p.DeviceId].LabelKey, StringComparer.Ordinal))
            {
                var first = group.First();
                var change = first.Change.LabelKey == group.Key ? first.Change : effective[first.DeviceId];
                await RunGroupAsync(() => new LabelChangeOperation(Session, CommandName, change, GroupOptions()), group.Select(p => after.TryGetValue(p.DeviceId, out var moved) ? moved : current[p.DeviceId]), Changed, output, cancellationToken).ConfigureAwait(false);
            }

            if (Options.PassThru)
                foreach (var changed in after.Values) output.WriteObject(changed);

            var summary = Summary();
            output.WriteInformation(summary, new[] { "IotAdmin", "Summary", CommandName });
            return summary;
        }

        public IotBulkSummary Summary() => new IotBulkSummary
        {
            Command = CommandName,
            Succeeded = _unchanged + _groups.Sum(g => g.Succeeded),
            Failed = _failed + _groups.Sum(g => g.Failed),
            Skipped = _changedSince + _groups.Sum(g => g.Skipped),
            WhatIf = _groups.Sum(g => g.WhatIf),
            Requests = _counters.Requests + _groups.Sum(g => g.Requests),
            Retries = _counters.Retries + _groups.Sum(g => g.Retries),
            Throttled = _counters.ServerThrottled + _groups.Sum(g => g.Throttled),
            Elapsed = Session.Time.GetElapsedTime(_started),
        };

        private BulkOptions GroupOptions() => new BulkOptions { BatchSize = Options.BatchSize, PassThru = true, WhatIf = Options.WhatIf, ItemRetries = Options.ItemRetries };

        /// <summary>One group through the bulk engine; each device it changed goes to <paramref name="changed"/> as its batch succeeds.</summary>
        private async Task RunGroupAsync(Func<BulkDeviceOperation> create, IEnumerable<IotDevice> devices, Action<IotDevice> changed, ICommandOutput output, CancellationToken cancellationToken)
        {
            var list = devices.ToList();
            BulkDeviceOperation operation;
            try
            {
                operation = create();
            }
            catch (ArgumentException e)
            {
                foreach (var device in list) Reject(device, e.Message, output);
                return;
            }

            var groupOutput = new GroupOutput(output, changed);
            foreach (var device in list) await operation.AddAsync(DeviceRef.FromDevice(device), groupOutput, cancellationToken).ConfigureAwait(false);
            _groups.Add(await operation.CompleteAsync(groupOutput, cancellationToken).ConfigureAwait(false));
        }

        /// <summary>A group's output: its changed devices go to the plan (not to the pipeline), its own summary is dropped (one summary covers the run).</summary>
        private sealed class GroupOutput : ForwardingOutput
        {
            private readonly Action<IotDevice> _changed;

            public GroupOutput(ICommandOutput inner, Action<IotDevice> changed)
                : base(inner)
            {
                _changed = changed;
            }

            public override void WriteObject(object item)
            {
                if (item is IotDevice device) _changed(device);
            }

            public override void WriteInformation(object data, string[] tags)
            {
                if (!(data is IotBulkSummary)) Inner.WriteInformation(data, tags);
            }
        }

        /// <summary>Counts the errors the reads report (each is a device that will not be changed).</summary>
        private sealed class CountingErrors : ForwardingOutput
        {
            public CountingErrors(ICommandOutput inner)
                : base(inner)
            {
            }

            public int Errors { get; private set; }

            public override void WriteError(IotErrorInfo error)
            {
                Errors++;
                Inner.WriteError(error);
            }
        }
    }
}
