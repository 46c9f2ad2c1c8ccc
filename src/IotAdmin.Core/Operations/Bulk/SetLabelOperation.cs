using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Backends;
using IotAdmin.Http;
using IotAdmin.Models;
using IotAdmin.Sessions;
using IotAdmin.Validation;

namespace IotAdmin.Operations.Bulk
{
    /// <summary>Set-IotLabel: adds or overwrites labels with devices:batchUpdate (idempotent: re-running is harmless).</summary>
    internal sealed class SetLabelOperation : LabelOperation
    {
        private readonly IReadOnlyDictionary<string, string> _labels;

        public SetLabelOperation(IotSession session, IDictionary? labels, BulkOptions options)
            : base(session, "Set-IotLabel", options)
        {
            _labels = LabelChangeRules.ToAddLabels(labels);
            Action = "Set labels " + LabelChangeRules.Describe(_labels);
            CheckWithApi();
        }

        protected override string Action { get; }


        protected override string? CheckDevice(DeviceRef device)
        {
            if (device.Device == null) return null;
            var count = device.Device.Labels.Keys.Union(_labels.Keys).Count();
            var max = Session.Backend.MaxLabelsPerDevice;
            return count > max ? "Device '" + device.DeviceId + "' would have " + count + " labels; a device can hold at most " + max + "." : null;
        }

        protected override IReadOnlyDictionary<string, string> AddLabels => _labels;

        protected override IotDevice? Changed(DeviceRef device)
        {
            if (device.Device == null) return null;
            var labels = new Dictionary<string, string>(device.Device.Labels.ToDictionary(l => l.Key, l => l.Value), StringComparer.Ordinal);
            foreach (var l in _labels) labels[l.Key] = l.Value;
            return device.Device.With(labels: labels);
        }
    }
}
