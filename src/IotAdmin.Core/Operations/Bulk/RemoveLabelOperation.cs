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
    internal sealed class RemoveLabelOperation : LabelOperation
    {
        private readonly IReadOnlyList<string> _names;

        public RemoveLabelOperation(IotSession session, IEnumerable<string>? names, BulkOptions options)
            : base(session, "Remove-IotLabel", options)
        {
            _names = LabelChangeRules.ToRemoveNames(names);
            Action = "Remove labels " + string.Join(", ", _names);
            CheckWithApi();
        }

        protected override string Action { get; }


        protected override IReadOnlyList<string> RemoveLabels => _names;

        protected override IotDevice? Changed(DeviceRef device) =>
            device.Device?.With(labels: device.Device.Labels.Where(l => !_names.Contains(l.Key)).ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal));
    }
}
