using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using IotAdmin.Models;

namespace IotAdmin.Operations.Export
{
    /// <summary>
    /// Export-IotDevice: one row per device, the columns ProjectId, DeviceId, Type and then one column per label key
    /// (sorted), RFC 4180 quoting, UTF-8 with a byte-order mark (so Excel reads it as UTF-8). Import-Csv reads it back
    /// and <c>Set-IotLabel -LabelColumn *</c> takes every label column. Rows are held until the end: the header names
    /// every label key, known only once every device has been seen.
    /// </summary>
    internal sealed class DeviceCsv
    {
        /// <summary>The columns that describe the device itself; every other column is a label.</summary>
        public static readonly IReadOnlyList<string> DeviceColumns = new[] { "ProjectId", "DeviceId", "Type" };

        private readonly List<IotDevice> _devices = new List<IotDevice>();
        private readonly SortedSet<string> _keys = new SortedSet<string>(StringComparer.Ordinal);

        public int Count => _devices.Count;

        public void Add(IotDevice device)
        {
            _devices.Add(device);
            foreach (var key in device.Labels.Keys) _keys.Add(key);
        }

        public void Write(string path)
        {
            using var writer = new StreamWriter(path, false, new UTF8Encoding(true));
            var header = DeviceColumns.Concat(_keys.Where(k => !DeviceColumns.Contains(k, StringComparer.OrdinalIgnoreCase)));
            writer.WriteLine(string.Join(",", header.Select(Quote)));
            foreach (var d in _devices)
            {
                var cells = new[] { d.ProjectId, d.DeviceId, d.Type }.Concat(_keys.Where(k => !DeviceColumns.Contains(k, StringComparer.OrdinalIgnoreCase)).Select(k => d.Labels.TryGetValue(k, out var v) ? v : string.Empty));
                writer.WriteLine(string.Join(",", cells.Select(Quote)));
            }
        }

        /// <summary>Label keys that clash with a device column (left out of the file, say so).</summary>
        public IEnumerable<string> ClashingKeys => _keys.Where(k => DeviceColumns.Contains(k, StringComparer.OrdinalIgnoreCase));

        private static string Quote(string value) =>
            value.IndexOfAny(new[] { ',', '"', '\r', '\n' }) >= 0 || (value.Length > 0 && (value[0] == ' ' || value[value.Length - 1] == ' '))
                ? "\"" + value.Replace("\"", "\"\"") + "\""
                : value;
    }
}
