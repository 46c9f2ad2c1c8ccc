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
    internal sealed class MoveDeviceOperation : BulkDeviceOperation
    {
        private readonly string _destination;

        public MoveDeviceOperation(IotSession session, string destinationProjectId, BulkOptions options)
            : base(session, "Move-IotDevice", options)
        {
            InputRules.Require(InputRules.CheckId("Destination project", destinationProjectId), "DestinationProjectId");
            _destination = destinationProjectId;
            Action = "Move to project " + _destination;
        }

        protected override string Action { get; }

        protected override bool HasPreparation => true;

        /// <summary>A missing destination would fail every batch: find out once, before the first device, and stop.</summary>
        protected override async Task PrepareAsync(ApiCallContext context, CancellationToken cancellationToken)
        {
            var unsupported = Session.Backend.TransferUnsupported(_destination);
            if (unsupported != null) throw unsupported;
            await Session.Backend.GetProjectAsync(_destination, context, cancellationToken).ConfigureAwait(false);
        }


        /// <summary>
        /// The transfer under the session's retry strategy. A transfer is not resent blindly: after a failure the server
        /// may have acted on (5xx, time-out, reset), the next attempt first lists which devices arrived and sends only
        /// the rest; after a 429 (the server did nothing) it sends the same devices again. When the retries end, the
        /// devices still pending fail with the last error.
        /// </summary>
        protected override async Task<IReadOnlyList<DeviceError>> SendBatchAsync(string projectId, IReadOnlyList<DeviceRef> batch, ApiCallContext context, CancellationToken cancellationToken)
        {
            var pending = batch.Select(d => d.DeviceId).ToList();
            IotApiException? last = null;
            var retries = Session.Api.Retries;
            var scope = retries.Scope(context, Session.Options.MaxAttempts);
            scope.Then = e => MayHaveActed(e) ? "checking which devices arrived" : null;
            try
            {
                return await retries.ExecuteAsync(
                    scope,
                    async ct =>
                    {
                        if (last != null && MayHaveActed(last))
                        {
                            var arrived = await ArrivedAsync(pending, context, ct).ConfigureAwait(false);
                            pending = pending.Where(id => !arrived.Contains(id)).ToList();
                            if (pending.Count == 0) return (IReadOnlyList<DeviceError>)Array.Empty<DeviceError>();
                        }

                        try
                        {
                            return await Session.Backend.TransferAsync(_destination, projectId, pending, context, ct).ConfigureAwait(false);
                        }
                        catch (IotApiException e)
                        {
                            last = e;
                            throw;
                        }
                    },
                    cancellationToken).ConfigureAwait(false);
            }
            catch (IotApiException e) when (ReferenceEquals(e, last) && e.IsRetryable && !ErrorRules.EndsTheCommand(e))
            {
                // Out of retries: the devices still pending failed this way; the ones that arrived did not.
                return pending.Select(id => new DeviceError(id, e, mayResend: false)).ToList();
            }
        }

        protected override IotDevice? Changed(DeviceRef device) => device.Device?.With(projectId: _destination);

        protected override string ProjectAfter(string projectId) => _destination;

        /// <summary>A throttled (429) call was not acted on; any other failure may have been.</summary>
        private static bool MayHaveActed(IotApiException e) => e.Status != CanonicalStatus.ResourceExhausted;

        private async Task<HashSet<string>> ArrivedAsync(List<string> deviceIds, ApiCallContext context, CancellationToken cancellationToken)
        {
            var arrived = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var device in DeviceIdLookup.ListAsync(Session.Backend, _destination, deviceIds, null, context, cancellationToken).ConfigureAwait(false)) arrived.Add(device.DeviceId);

            return arrived;
        }
    }
}
