using System;
using System.Collections.Generic;
using System.Linq;
using IotAdmin.Models;

namespace IotAdmin.Operations.Changes
{
    /// <summary>
    /// What one device should become: labels to set, labels to remove, a project to move to. Devices whose changes
    /// are equal (<see cref="LabelKey"/>, <see cref="MoveTo"/>) share batch calls. An undo also names the state the device must still be in.
    /// </summary>
    internal sealed class DeviceChange
    {
        public DeviceChange(IReadOnlyDictionary<string, string>? set = null, IEnumerable<string>? remove = null, string? moveTo = null, DeviceState? expected = null)
        {
            Set = new SortedDictionary<string, string>((set ?? new Dictionary<string, string>()).ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal), StringComparer.Ordinal);
            Remove = (remove ?? Array.Empty<string>()).Where(k => !Set.ContainsKey(k)).Distinct(StringComparer.Ordinal).OrderBy(k => k, StringComparer.Ordinal).ToList();
            MoveTo = moveTo;
            Expected = expected;
        }

        public IReadOnlyDictionary<string, string> Set { get; }

        public IReadOnlyList<string> Remove { get; }

        public string? MoveTo { get; }

        /// <summary>For an undo: the state the journal left the device in; any other state means someone changed it since.</summary>
        public DeviceState? Expected { get; }

        public bool ChangesLabels => Set.Count > 0 || Remove.Count > 0;

        public bool IsEmpty => !ChangesLabels && MoveTo == null;

        /// <summary>The label part as one comparable string: devices with equal keys go into the same batch call.</summary>
        public string LabelKey => string.Join("\u0001", Set.Select(l => "+" + l.Key + "\u0002" + l.Value).Concat(Remove.Select(r => "-" + r)));

        /// <summary>True when the device is already as this change wants it (nothing to send).</summary>
        public bool IsDone(IotDevice current) =>
            (MoveTo == null || MoveTo == current.ProjectId)
            && Set.All(l => current.Labels.TryGetValue(l.Key, out var v) && v == l.Value)
            && Remove.All(r => !current.Labels.ContainsKey(r));

        /// <summary>Only what <paramref name="current"/> still needs: labels that differ, labels present, a move to another project.</summary>
        public DeviceChange EffectiveFor(IotDevice current) => new DeviceChange(
            Set.Where(l => !current.Labels.TryGetValue(l.Key, out var v) || v != l.Value).ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal),
            Remove.Where(current.Labels.ContainsKey),
            MoveTo == current.ProjectId ? null : MoveTo,
            Expected);

        public string DescribeLabels()
        {
            var parts = new List<string>();
            if (Set.Count > 0) parts.Add("Set labels " + string.Join(", ", Set.Select(l => l.Key + "=" + l.Value)));
            if (Remove.Count > 0) parts.Add("Remove labels " + string.Join(", ", Remove));
            return string.Join("; ", parts);
        }
    }
}
