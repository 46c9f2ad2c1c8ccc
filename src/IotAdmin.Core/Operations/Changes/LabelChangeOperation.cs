using System;
using System.Collections.Generic;
using System.Linq;
using IotAdmin.Models;
using IotAdmin.Operations.Bulk;
using IotAdmin.Sessions;

namespace IotAdmin.Operations.Changes
{
    /// <summary>One group of a change plan: the same labels set and removed on every device of the group, in batchUpdate calls.</summary>
    internal sealed class LabelChangeOperation : LabelOperation
    {
        private readonly DeviceChange _change;

        public LabelChangeOperation(IotSession session, string commandName, DeviceChange change, BulkOptions options)
            : base(session, commandName, options)
        {
            _change = change;
            Action = change.DescribeLabels();
            CheckWithApi();
        }

        protected override string Action { get; }

        protected override IReadOnlyDictionary<string, string> AddLabels => _change.Set;

        protected override IReadOnlyList<string> RemoveLabels => _change.Remove;

        protected override string? CheckDevice(DeviceRef device)
        {
            if (device.Device == null) return null;
            var count = device.Device.Labels.Keys.Except(_change.Remove).Union(_change.Set.Keys).Count();
            var max = Session.Backend.MaxLabelsPerDevice;
            return count > max ? "Device '" + device.DeviceId + "' would have " + count + " labels; a device can hold at most " + max + "." : null;
        }

        protected override IotDevice? Changed(DeviceRef device)
        {
            if (device.Device == null) return null;
            var labels = device.Device.Labels.Where(l => !_change.Remove.Contains(l.Key)).ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);
            foreach (var l in _change.Set) labels[l.Key] = l.Value;
            return device.Device.With(labels: labels);
        }
    }
}
