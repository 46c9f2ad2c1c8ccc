using System;
using System.Collections.Generic;
using System.Globalization;
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

namespace IotAdmin.Operations.Bulk
{
    /// <summary>
    /// The engine of Set-IotLabel, Remove-IotLabel and Move-IotDevice: pipeline input is checked, confirmed per device,
    /// grouped per source project into calls of at most BatchSize devices — sent as soon as a batch is full and at the
    /// end — and every device's outcome is reported: success, skipped (declined at -Confirm), or a non-terminating
    /// error with the device as target. Transient per-device failures are sent again; a summary ends every run.
    /// Every device is sent, even when the piped object says it is already done: objects can be stale, and the
    /// changes are idempotent on the server, so a re-run costs a few batch calls and never silently misses a device.
    /// </summary>
    public abstract class BulkDeviceOperation
    {
        private readonly Dictionary<string, List<DeviceRef>> _pending = new Dictionary<string, List<DeviceRef>>(StringComparer.Ordinal);
        private readonly List<string> _projectOrder = new List<string>();
        private readonly RequestCounters _counters = new RequestCounters();
        private readonly long _started;
        private readonly int _progressId;
        private int _succeeded;
        private int _failed;
        private int _skipped;
        private int _whatIf;
        private bool _prepared;

        protected BulkDeviceOperation(IotSession session, string commandName, BulkOptions options)
        {
            Session = session ?? throw new ArgumentNullException(nameof(session));
            options.Validate();
            Options = options;
            CommandName = commandName;
            _started = session.Time.GetTimestamp();
            _progressId = Math.Abs(commandName.GetHashCode() % 1000) + 1;
        }

        public string CommandName { get; }

        protected IotSession Session { get; }

        protected BulkOptions Options { get; }

        /// <summary>"Set labels zone=north" — the action ShouldProcess shows.</summary>
        protected abstract string Action { get; }

        /// <summary>Adds one pipeline item; sends a batch when it is full.</summary>
        public async Task AddAsync(DeviceRef device, ICommandOutput output, CancellationToken cancellationToken)
        {
            Session.ThrowIfDisposed();
            var context = new ApiCallContext(output, _counters);
            var problem = InputRules.CheckId("Device", device.DeviceId) ?? (device.ProjectId == null ? null : InputRules.CheckId("Project", device.ProjectId));
            if (problem != null)
            {
                Fail(output, IotErrorInfo.InvalidInput("IotInvalidDeviceId", problem, device.ToString(), "Pass device objects from Get-IotDevice, or valid -ProjectId and -DeviceId values."));
                return;
            }

            if (!_prepared)
            {
                await PrepareAsync(context, cancellationToken).ConfigureAwait(false);
                _prepared = true;
            }

            if (device.ProjectId == null)
            {
                var found = await FindProjectAsync(device, output, context, cancellationToken).ConfigureAwait(false);
                if (found == null) return;
                device = found;
            }

            var invalid = CheckDevice(device);
            if (invalid != null)
            {
                Fail(output, IotErrorInfo.InvalidInput("IotInvalidLabelChange", invalid, TargetOf(device), "Remove labels first, or change fewer labels on this device."));
                return;
            }

            if (!output.ShouldProcess(device.ToString(), Action))
            {
                if (Options.WhatIf) _whatIf++;
                else _skipped++;
                return;
            }

            var projectId = device.ProjectId!;
            if (!_pending.TryGetValue(projectId, out var batch))
            {
                _pending[projectId] = batch = new List<DeviceRef>();
                _projectOrder.Add(projectId);
            }

            batch.Add(device);
            if (batch.Count >= Options.BatchSize) await FlushAsync(projectId, output, context, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Sends what is left, then writes the summary (Information stream) and completes the progress bar.</summary>
        public async Task<IotBulkSummary> CompleteAsync(ICommandOutput output, CancellationToken cancellationToken)
        {
            var context = new ApiCallContext(output, _counters);
            foreach (var projectId in _projectOrder.ToList())
                if (_pending.TryGetValue(projectId, out var batch) && batch.Count > 0) await FlushAsync(projectId, output, context, cancellationToken).ConfigureAwait(false);
            var summary = Summary();
            output.WriteProgress(new IotProgress(_progressId, CommandName, "Done") { Completed = true, PercentComplete = 100 });
            output.WriteInformation(summary, new[] { "IotAdmin", "Summary", CommandName });
            return summary;
        }

        public IotBulkSummary Summary() => new IotBulkSummary
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

        /// <summary>Once, before the first device: e.g. Move checks that the destination exists.</summary>
        protected virtual Task PrepareAsync(ApiCallContext context, CancellationToken cancellationToken) => Task.CompletedTask;

        /// <summary>A per-device reason not to send (e.g. too many labels), or null.</summary>
        protected virtual string? CheckDevice(DeviceRef device) => null;

        /// <summary>One call for the batch; returns the devices that failed. Throws for a whole-call failure.</summary>
        protected abstract Task<IReadOnlyList<DeviceFailure>> SendBatchAsync(string projectId, IReadOnlyList<DeviceRef> batch, ApiCallContext context, CancellationToken cancellationToken);

        /// <summary>The device as it is after the change, when it can be computed without a request.</summary>
        protected abstract IotDevice? Changed(DeviceRef device);

        /// <summary>Where the changed devices are now (the destination, for a move).</summary>
        protected virtual string ProjectAfter(string projectId) => projectId;

        /// <summary>The method and path of the batch call, for per-device error messages.</summary>
        protected abstract (string Method, string Path) BatchCall(string projectId);

        private async Task FlushAsync(string projectId, ICommandOutput output, ApiCallContext context, CancellationToken cancellationToken)
        {
            var toSend = (IReadOnlyList<DeviceRef>)_pending[projectId];
            _pending[projectId] = new List<DeviceRef>();
            for (var round = 0; toSend.Count > 0; round++)
            {
                IReadOnlyList<DeviceFailure> failures;
                try
                {
                    failures = await SendBatchAsync(projectId, toSend, context, cancellationToken).ConfigureAwait(false);
                }
                catch (IotApiException e)
                {
                    if (e.Category == IotErrorCategory.AuthenticationError) throw;
                    foreach (var device in toSend) Fail(output, IotErrorInfo.FromApi(e, TargetOf(device)));
                    break;
                }

                var failedById = new Dictionary<string, DeviceFailure>(StringComparer.Ordinal);
                foreach (var f in failures) failedById[f.DeviceId] = f;
                var done = toSend.Where(d => !failedById.ContainsKey(d.DeviceId)).ToList();
                _succeeded += done.Count;
                if (Options.PassThru) await EmitChangedAsync(projectId, done, output, context, cancellationToken).ConfigureAwait(false);

                var again = new List<DeviceRef>();
                foreach (var device in toSend.Where(d => failedById.ContainsKey(d.DeviceId)))
                {
                    var failure = failedById[device.DeviceId];
                    var (method, path) = BatchCall(projectId);
                    var error = ErrorClassifier.FromItemStatus(method, path, failure.Status, failure.Message, "device '" + device.DeviceId + "'", TargetOf(device));
                    if (error.IsRetryable && round < Options.ItemRetries)
                    {
                        again.Add(device);
                        continue;
                    }

                    Fail(output, IotErrorInfo.FromApi(error));
                }

                if (again.Count > 0)
                {
                    var wait = TimeSpan.FromSeconds(Math.Pow(2, round));
                    context.Log.Verbose(again.Count + " device(s) failed with a transient status; sending them again in " + ErrorClassifier.Seconds(wait) + ".");
                    await Session.Time.Delay(wait, cancellationToken).ConfigureAwait(false);
                }

                toSend = again;
            }

            ReportProgress(output);
        }

        private async Task EmitChangedAsync(string projectId, List<DeviceRef> done, ICommandOutput output, ApiCallContext context, CancellationToken cancellationToken)
        {
            var unknown = new List<string>();
            foreach (var device in done)
            {
                var changed = Changed(device);
                if (changed != null) output.WriteObject(changed);
                else unknown.Add(device.DeviceId);
            }

            // Plain ids: one filtered re-read per 50 devices, never one GET per device.
            for (var i = 0; i < unknown.Count; i += GetDeviceOperation.IdsPerRequest)
            {
                var query = new DeviceQuery { ProjectId = ProjectAfter(projectId), DeviceIds = unknown.Skip(i).Take(GetDeviceOperation.IdsPerRequest).ToList() };
                await foreach (var device in Session.Backend.ListDevicesAsync(query, context, cancellationToken).ConfigureAwait(false)) output.WriteObject(device);
            }
        }

        private async Task<DeviceRef?> FindProjectAsync(DeviceRef device, ICommandOutput output, ApiCallContext context, CancellationToken cancellationToken)
        {
            try
            {
                output.Verbose("Device '" + device.DeviceId + "' came without a project; looking it up (pass -ProjectId to save this request).");
                return DeviceRef.FromDevice(await Session.Backend.GetDeviceAsync("-", device.DeviceId, context, cancellationToken).ConfigureAwait(false));
            }
            catch (IotApiException e)
            {
                if (e.Category == IotErrorCategory.AuthenticationError) throw;
                Fail(output, IotErrorInfo.FromApi(e, device.DeviceId));
                return null;
            }
        }

        /// <summary>An error's target: the device object when the pipeline gave one, else its name.</summary>
        private static object TargetOf(DeviceRef device) => device.Device ?? (object)device.ToString();

        private void Fail(ICommandOutput output, IotErrorInfo error)
        {
            _failed++;
            output.WriteError(error);
        }

        private void ReportProgress(ICommandOutput output)
        {
            var elapsed = Session.Time.GetElapsedTime(_started).TotalSeconds;
            var done = _succeeded + _failed;
            var rate = elapsed > 0 ? (done / elapsed).ToString("0", CultureInfo.InvariantCulture) : "-";
            output.WriteProgress(new IotProgress(_progressId, CommandName, string.Format(CultureInfo.InvariantCulture, "{0} done ({1} failed, {2} skipped); {3} devices/s; {4}", CountText.Of(done, "device"), _failed, _skipped, rate, CountText.Of(_counters.Requests, "request"))));
        }
    }
}
