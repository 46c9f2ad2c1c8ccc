using System;
using System.Collections.Generic;
using System.Globalization;
using IotAdmin.Validation;

namespace IotAdmin.Operations.Changes
{
    /// <summary>
    /// One spreadsheet row's label cells as a change: a non-empty cell sets the label of its column; an empty cell
    /// changes nothing, or removes the label when <c>removeEmpty</c> (-RemoveEmpty) is given. One rule, here.
    /// </summary>
    internal static class RowChange
    {
        /// <summary>The change, or the reason the row cannot be one (a bad key or value).</summary>
        public static DeviceChange From(IEnumerable<KeyValuePair<string, object?>> cells, bool removeEmpty, out string? problem)
        {
            var set = new Dictionary<string, string>(StringComparer.Ordinal);
            var remove = new List<string>();
            problem = null;
            foreach (var cell in cells)
            {
                problem = InputRules.CheckLabelKey(cell.Key);
                if (problem != null) break;
                var value = cell.Value == null ? string.Empty : Convert.ToString(cell.Value, CultureInfo.InvariantCulture) ?? string.Empty;
                if (value.Length == 0)
                {
                    if (removeEmpty) remove.Add(cell.Key);
                    continue;
                }

                problem = InputRules.CheckLabelValue(cell.Key, value);
                if (problem != null) break;
                set[cell.Key] = value;
            }

            return new DeviceChange(set, remove);
        }
    }
}
