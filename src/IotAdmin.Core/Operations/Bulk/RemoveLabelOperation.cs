using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Backends;
using IotAdmin.Http;
using IotAdmin.Models;
using IotAdmin.Sessions;

namespace IotAdmin.Operations.Bulk
{
    /// <summary>Remove-IotLabel: removes labels with devices:batchUpdate; removing an absent label is a no-op.</summary>
    public sealed class RemoveLabelOperation : BulkDeviceOperation
    {
        private readonly IReadOnlyList<string> _names;

        public RemoveLabelOperation(IotSession session, IEnumerable<string>? names, BulkOptions options)
            : base(session, "Remove-IotLabel", options)
        {
            _names = LabelChangeRules.ToRemoveNames(names);
        }

        protected override string Action => "Remove labels " + string.Join(", ", _names);

        protected override string? NoChangeNeeded(DeviceRef device) =>
            device.Device != null && !_names.Any(n => device.Device.Labels.ContainsKey(n)) ? "none of the labels present" : null;

        protected override Task<IReadOnlyList<DeviceFailure>> SendBatchAsync(string projectId, IReadOnlyList<DeviceRef> batch, ApiCallContext context, CancellationToken cancellationToken) =>
            Session.Backend.UpdateLabelsAsync(projectId, batch.Select(d => d.DeviceId).ToList(), new Dictionary<string, string>(), _names, context, cancellationToken);

        protected override IotDevice? Changed(DeviceRef device) =>
            device.Device?.With(labels: device.Device.Labels.Where(l => !_names.Contains(l.Key)).ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal));

        protected override (string Method, string Path) BatchCall(string projectId) => ("POST", Session.Endpoint.AbsolutePath + "projects/" + projectId + "/devices:batchUpdate");
    }
}
