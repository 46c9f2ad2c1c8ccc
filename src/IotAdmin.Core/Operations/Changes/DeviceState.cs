using System;
using System.Collections.Generic;
using System.Linq;
using IotAdmin.Models;

namespace IotAdmin.Operations.Changes
{
    /// <summary>What a journal keeps of a device: its project and its labels, compared exactly (keys and values case-sensitive).</summary>
    internal sealed class DeviceState : IEquatable<DeviceState>
    {
        public DeviceState(string projectId, IEnumerable<KeyValuePair<string, string>> labels)
        {
            ProjectId = projectId;
            Labels = new SortedDictionary<string, string>(labels.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal), StringComparer.Ordinal);
        }

        public string ProjectId { get; }

        public IReadOnlyDictionary<string, string> Labels { get; }

        public static DeviceState Of(IotDevice device) => new DeviceState(device.ProjectId, device.Labels);

        public bool Equals(DeviceState? other) =>
            other != null && other.ProjectId == ProjectId && other.Labels.Count == Labels.Count
            && Labels.All(l => other.Labels.TryGetValue(l.Key, out var v) && v == l.Value);

        public override bool Equals(object? obj) => Equals(obj as DeviceState);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ProjectId) ^ Labels.Count;

        /// <summary>The change that takes a device from <paramref name="current"/> back to this state (labels, then project).</summary>
        public DeviceChange RestoreFrom(DeviceState current, DeviceState expected)
        {
            var set = Labels.Where(l => !current.Labels.TryGetValue(l.Key, out var v) || v != l.Value).ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);
            var remove = current.Labels.Keys.Where(k => !Labels.ContainsKey(k));
            return new DeviceChange(set, remove, current.ProjectId == ProjectId ? null : ProjectId, expected);
        }

        public override string ToString() => "projects/" + ProjectId + " {" + string.Join(", ", Labels.Select(l => l.Key + "=" + l.Value)) + "}";
    }
}
