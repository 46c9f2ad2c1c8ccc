using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Backends;
using IotAdmin.Errors;
using IotAdmin.Http;
using IotAdmin.Models;
using IotAdmin.Sessions;
using IotAdmin.Validation;

namespace IotAdmin.Operations.Bulk
{
    /// <summary>
    /// Move-IotDevice: devices:transfer per source project. A transfer is never resent blindly: after a failure that
    /// may have happened after the server acted (5xx, time-out, reset), the devices already in the destination are
    /// counted as moved and only the rest are sent again. Devices already in the destination count as moved.
    /// </summary>
    public sealed class MoveDeviceOperation : BulkDeviceOperation
    {
        private readonly string _destination;

        public MoveDeviceOperation(IotSession session, string destinationProjectId, BulkOptions options)
            : base(session, "Move-IotDevice", options)
        {
            InputRules.Require(InputRules.CheckId("Destination project", destinationProjectId), "DestinationProjectId");
            _destination = destinationProjectId;
        }

        protected override string Action => "Move to project " + _destination;

        /// <summary>A missing destination would fail every batch: find out once, before the first device, and stop.</summary>
        protected override async Task PrepareAsync(ApiCallContext context, CancellationToken cancellationToken)
        {
            var unsupported = Session.Backend.TransferUnsupported(_destination);
            if (unsupported != null) throw unsupported;
            await Session.Backend.GetProjectAsync(_destination, context, cancellationToken).ConfigureAwait(false);
        }


        protected override async Task<IReadOnlyList<DeviceFailure>> SendBatchAsync(string projectId, IReadOnlyList<DeviceRef> batch, ApiCallContext context, CancellationToken cancellationToken)
        {
            var pending = batch.Select(d => d.DeviceId).ToList();
            var failures = new List<DeviceFailure>();
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var outcome = await Session.Backend.TransferAsync(_destination, projectId, pending, mayRetry: false, context, cancellationToken).ConfigureAwait(false);
                    failures.AddRange(outcome.Failures);
                    return failures;
                }
                catch (IotApiException e) when (e.IsRetryable)
                {
                    if (attempt >= Session.Options.MaxAttempts)
                    {
                        // Out of attempts: the devices still pending failed with this error; the ones that arrived did not.
                        failures.AddRange(pending.Select(id => new DeviceFailure(projectId, id, e.Status, e.ServerMessage ?? e.Message)));
                        return failures;
                    }

                    var wait = e.RetryAfter ?? TimeSpan.FromSeconds(1);
                    context.Log.Verbose("Transfer to " + _destination + " failed (" + e.Status + "); " + (e.Status == CanonicalStatus.ResourceExhausted ? "sending again" : "checking which devices arrived") + " after " + ErrorClassifier.Seconds(wait) + ".");
                    await Session.Time.Delay(wait, cancellationToken).ConfigureAwait(false);
                    context.Counters.AddRetry();
                    if (e.Status == CanonicalStatus.ResourceExhausted) continue; // throttled: the server did nothing
                    var arrived = await ArrivedAsync(pending, context, cancellationToken).ConfigureAwait(false);
                    pending = pending.Where(id => !arrived.Contains(id)).ToList();
                    if (pending.Count == 0) return failures;
                }
            }
        }

        protected override IotDevice? Changed(DeviceRef device) => device.Device?.With(projectId: _destination);

        protected override string ProjectAfter(string projectId) => _destination;

        protected override (string Method, string Path) BatchCall(string projectId) => ("POST", Session.Endpoint.AbsolutePath + "projects/" + _destination + "/devices:transfer");

        private async Task<HashSet<string>> ArrivedAsync(List<string> deviceIds, ApiCallContext context, CancellationToken cancellationToken)
        {
            var arrived = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < deviceIds.Count; i += GetDeviceOperation.IdsPerRequest)
            {
                var query = new DeviceQuery { ProjectId = _destination, DeviceIds = deviceIds.Skip(i).Take(GetDeviceOperation.IdsPerRequest).ToList() };
                await foreach (var device in Session.Backend.ListDevicesAsync(query, context, cancellationToken).ConfigureAwait(false)) arrived.Add(device.DeviceId);
            }

            return arrived;
        }
    }
}
