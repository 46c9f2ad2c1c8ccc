using System;
using System.Collections.Generic;

namespace IotAdmin.Events
{
    /// <summary>
    /// The ids of the last <see cref="Capacity"/> events emitted: a repeat (the history read after a reconnect, or a
    /// server re-sending) is dropped. Bounded, so a watch that runs for days keeps flat memory.
    /// </summary>
    internal sealed class RecentEventIds
    {
        public const int Capacity = 10000;

        private readonly HashSet<string> _ids = new HashSet<string>(StringComparer.Ordinal);
        private readonly Queue<string> _order = new Queue<string>();

        /// <summary>True when <paramref name="eventId"/> is new (and remembers it); false for a repeat.</summary>
        public bool Add(string eventId)
        {
            if (eventId.Length == 0) return true; // no id: nothing to compare by
            if (!_ids.Add(eventId)) return false;
            _order.Enqueue(eventId);
            if (_order.Count > Capacity) _ids.Remove(_order.Dequeue());
            return true;
        }
    }
}
