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
using IotAdmin.Resilience;
using IotAdmin.Sessions;
using Polly.CircuitBreaker;
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
    /// When a call finds the API gone after all its retries, the run's circuit opens: nothing more is sent, every
    /// device still to come is counted "not reached", and the run ends with the summary and one terminating error.
    /// </summary>
    internal abstract class BulkDeviceOperation
    {
        private readonly Dictionary<string, List<DeviceRef>> _pending = new Dictionary<string, List<DeviceRef>>(StringComparer.Ordinal);
        private readonly List<string> _projectOrder = new List<string>();
        private readonly RequestCounters _counters = new RequestCounters();
        private readonly long _started;
        private readonly int _progressId;
        private readonly ApiCircuit _circuit;
        private int _notReached;
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
            _circuit = new ApiCircuit(session.Time);
        }

        public string CommandName { get; }

        protected IotSession Session { get; }

        protected BulkOptions Options { get; }

        /// <summary>"Set labels zone=north" — the action ShouldProcess shows.</summary>
        protected abstract string Action { get; }

        /// <summary>
        /// Takes one pipeline item on the calling (pipeline) thread: checks it, asks ShouldProcess and queues it, with no
        /// thread hop. Returns the I/O that must follow — a full batch to send, a project to look up, the one-time
        /// preparation — for the caller to run off the pipeline thread; null when there is none (most devices).
        /// </summary>
        public Func<ICommandOutput, CancellationToken, Task>? Add(DeviceRef device, ICommandOutput output)
        {
            Session.ThrowIfDisposed();
            if (_circuit.IsOpen)
            {
                _notReached++; // the API is gone: nothing more is sent, every device is still accounted for
                return null;
            }

            var problem = InputRules.CheckId("Device", device.DeviceId) ?? (device.ProjectId == null ? null : InputRules.CheckId("Project", device.ProjectId));
            if (problem != null)
            {
                Fail(output, IotErrorInfo.InvalidInput(ClientErrorIds.InvalidDeviceId, problem, device.ToString(), "Pass device objects from Get-IotDevice, or valid -ProjectId and -DeviceId values."));
                return null;
            }

            if ((!_prepared && HasPreparation) || device.ProjectId == null) return (o, ct) => AddAfterLookupsAsync(device, o, ct);
            return Queue(device, output);
        }

        /// <summary><see cref="Add"/> and its I/O, awaited (for callers that are not a PowerShell pipeline).</summary>
        public async Task AddAsync(DeviceRef device, ICommandOutput output, CancellationToken cancellationToken)
        {
            var io = Add(device, output);
            if (io != null) await io(output, cancellationToken).ConfigureAwait(false);
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
            if (_circuit.OpenedBy is IotApiException gone)
            {
                throw ErrorClassifier.WithAction(
                    gone,
                    "The API stopped answering, so " + CommandName + " stopped: " + CountText.Of(_notReached, "device") + " not reached (nothing was sent for them), "
                    + _failed + " failed, " + _succeeded + " succeeded. Run the command again for the devices not done once the API answers.",
                    null);
            }

            return summary;
        }

        public IotBulkSummary Summary() => IotBulkSummary.Of(CommandName, _succeeded, _failed, _skipped, _whatIf, _counters, Session.Time.GetElapsedTime(_started), _notReached);

        /// <summary>True when <see cref="PrepareAsync"/> does I/O before the first device.</summary>
        protected virtual bool HasPreparation => false;

        /// <summary>Once, before the first device: e.g. Move checks that the destination exists.</summary>
        protected virtual Task PrepareAsync(ApiCallContext context, CancellationToken cancellationToken) => Task.CompletedTask;

        /// <summary>A per-device reason not to send (e.g. too many labels), or null.</summary>
        protected virtual string? CheckDevice(DeviceRef device) => null;

        /// <summary>One call (or the backend's calls) for the batch; returns the devices that failed. Throws for a whole-call failure.</summary>
        protected abstract Task<IReadOnlyList<DeviceError>> SendBatchAsync(string projectId, IReadOnlyList<DeviceRef> batch, ApiCallContext context, CancellationToken cancellationToken);

        /// <summary>The device as it is after the change, when it can be computed without a request.</summary>
        protected abstract IotDevice? Changed(DeviceRef device);

        /// <summary>Where the changed devices are now (the destination, for a move).</summary>
        protected virtual string ProjectAfter(string projectId) => projectId;

        private async Task AddAfterLookupsAsync(DeviceRef device, ICommandOutput output, CancellationToken cancellationToken)
        {
            var context = new ApiCallContext(output, _counters);
            if (!_prepared && HasPreparation)
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

            var io = Queue(device, output);
            if (io != null) await io(output, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The device's own check, ShouldProcess, then into its project's batch; returns the send when the batch is full.</summary>
        private Func<ICommandOutput, CancellationToken, Task>? Queue(DeviceRef device, ICommandOutput output)
        {
            var invalid = CheckDevice(device);
            if (invalid != null)
            {
                Fail(output, IotErrorInfo.InvalidInput(ClientErrorIds.InvalidLabelChange, invalid, TargetOf(device), "Remove labels first, or change fewer labels on this device."));
                return null;
            }

            if (!output.ShouldProcess(device.ToString(), Action))
            {
                if (Options.WhatIf) _whatIf++;
                else _skipped++;
                return null;
            }

            var projectId = device.ProjectId!;
            if (!_pending.TryGetValue(projectId, out var batch))
            {
                _pending[projectId] = batch = new List<DeviceRef>();
                _projectOrder.Add(projectId);
            }

            batch.Add(device);
            if (batch.Count < Options.BatchSize) return null;
            return (o, ct) => FlushAsync(projectId, o, new ApiCallContext(o, _counters), ct);
        }

        /// <summary>
        /// Sends one project's queued devices and reports each outcome. Devices that failed with a retryable status of
        /// their own are sent again, alone, by the session's retry strategy (server hints honoured, counted as retries).
        /// </summary>
        private async Task FlushAsync(string projectId, ICommandOutput output, ApiCallContext context, CancellationToken cancellationToken)
        {
            IReadOnlyList<DeviceRef> toSend = _pending[projectId];
            _pending[projectId] = new List<DeviceRef>();
            if (_circuit.IsOpen)
            {
                _notReached += toSend.Count;
                return;
            }

            var retries = Session.Api.Retries;
            var scope = retries.Scope(context, Options.ItemRetries + 1);
            scope.FailureOf = outcome => (outcome.Result as List<FailedDevice>)?.OrderByDescending(f => f.Error.RetryAfter ?? TimeSpan.Zero).Select(f => f.Error).FirstOrDefault();
            scope.Subject = _ => toSend.Count == 1 ? " for 1 device" : " for " + toSend.Count + " devices";
            var unresolved = await retries.ExecuteAsync(
                scope,
                async ct =>
                {
                    var again = await SendOnceAsync(projectId, toSend, output, context, ct).ConfigureAwait(false);
                    toSend = again.Select(f => f.Device).ToList();
                    return again;
                },
                cancellationToken).ConfigureAwait(false);
            foreach (var failed in unresolved) Fail(output, IotErrorInfo.FromApi(failed.Error, TargetOf(failed.Device)));
            ReportProgress(output);
        }

        /// <summary>One send: successes and final failures are reported; the devices worth sending again are returned.</summary>
        private async Task<List<FailedDevice>> SendOnceAsync(string projectId, IReadOnlyList<DeviceRef> batch, ICommandOutput output, ApiCallContext context, CancellationToken cancellationToken)
        {
            IReadOnlyList<DeviceError> errors;
            try
            {
                errors = await _circuit.ExecuteAsync(ct => SendBatchAsync(projectId, batch, context, ct), cancellationToken).ConfigureAwait(false);
            }
            catch (IsolatedCircuitException)
            {
                _notReached += batch.Count; // the API is gone (an earlier call proved it): not sent
                return new List<FailedDevice>();
            }
            catch (IotApiException e) when (!ErrorRules.EndsTheCommand(e))
            {
                // The whole call failed after its own retries: every device in it failed that way, each record naming it.
                await _circuit.TripOnAsync(e).ConfigureAwait(false);
                foreach (var device in batch) Fail(output, IotErrorInfo.FromApi(Named(e, device), TargetOf(device)));
                return new List<FailedDevice>();
            }

            // A backend that ran a call out of attempts itself (a transfer) hands back its failure per device.
            foreach (var whole in errors.Where(x => !x.MayResend)) await _circuit.TripOnAsync(whole.Error).ConfigureAwait(false);

            var failedById = new Dictionary<string, DeviceError>(StringComparer.Ordinal);
            foreach (var error in errors) failedById[error.DeviceId] = error;
            var done = batch.Where(d => !failedById.ContainsKey(d.DeviceId)).ToList();
            _succeeded += done.Count;
            if (Options.PassThru) await EmitChangedAsync(projectId, done, output, context, cancellationToken).ConfigureAwait(false);

            var again = new List<FailedDevice>();
            foreach (var device in batch)
            {
                if (!failedById.TryGetValue(device.DeviceId, out var error)) continue;
                if (error.MayResend && error.Error.IsRetryable) again.Add(new FailedDevice(device, error.Error));
                else Fail(output, IotErrorInfo.FromApi(Named(error.Error, device), TargetOf(device)));
            }

            return again;
        }

        /// <summary>A failure that names no device yet (a whole call's) says which device this record is about.</summary>
        private static IotApiException Named(IotApiException e, DeviceRef device) =>
            e.Subject != null ? e : ErrorClassifier.WithAction(e, e.RecommendedAction, "device '" + device.DeviceId + "'");

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
            await foreach (var device in DeviceIdLookup.ListAsync(Session.Backend, ProjectAfter(projectId), unknown, null, context, cancellationToken).ConfigureAwait(false)) output.WriteObject(device);
        }

        private async Task<DeviceRef?> FindProjectAsync(DeviceRef device, ICommandOutput output, ApiCallContext context, CancellationToken cancellationToken)
        {
            try
            {
                output.Verbose("Device '" + device.DeviceId + "' came without a project; looking it up (pass -ProjectId to save this request).");
                return DeviceRef.FromDevice(await _circuit.ExecuteAsync(ct => Session.Backend.GetDeviceAsync("-", device.DeviceId, context, ct), cancellationToken).ConfigureAwait(false));
            }
            catch (IsolatedCircuitException)
            {
                _notReached++;
                return null;
            }
            catch (IotApiException e) when (!ErrorRules.EndsTheCommand(e))
            {
                await _circuit.TripOnAsync(e).ConfigureAwait(false);
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

        /// <summary>A device whose last send failed with a retryable error of its own.</summary>
        private sealed class FailedDevice
        {
            public FailedDevice(DeviceRef device, IotApiException error)
            {
                Device = device;
                Error = error;
            }

            public DeviceRef Device { get; }

            public IotApiException Error { get; }
        }
    }
}
