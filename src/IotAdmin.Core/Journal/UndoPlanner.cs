using System;
using System.Collections.Generic;
using System.Linq;
using IotAdmin.Operations.Changes;

namespace IotAdmin.Journal
{
    /// <summary>
    /// Turns journal entries into the changes that take them back: per device, back to the state before its first
    /// entry, provided it is still in the state after its last one (else someone changed it since, and it is skipped).
    /// </summary>
    internal static class UndoPlanner
    {
        public static IReadOnlyList<PlannedDevice> Plan(IEnumerable<JournalEntry> entries, string? operation)
        {
            var first = new Dictionary<string, JournalEntry>(StringComparer.Ordinal);
            var last = new Dictionary<string, JournalEntry>(StringComparer.Ordinal);
            var order = new List<string>();
            foreach (var entry in entries)
            {
                if (operation != null && !string.Equals(entry.Operation, operation, StringComparison.OrdinalIgnoreCase)) continue;
                if (!first.ContainsKey(entry.DeviceId))
                {
                    first[entry.DeviceId] = entry;
                    order.Add(entry.DeviceId);
                }

                last[entry.DeviceId] = entry;
            }

            return order.Select(id => new PlannedDevice(last[id].After.ProjectId, id, first[id].Before.RestoreFrom(last[id].After, last[id].After))).ToList();
        }
    }
}
