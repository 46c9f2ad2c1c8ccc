namespace IotAdmin.Emulator.Events;

/// <summary>
/// Each device's recent events, oldest first, at most <c>limit</c> per device (the oldest go first). labelsChanged is
/// never kept: history does not return it (dt-api-admin.md §6). Thread-safe; one lock.
/// </summary>
internal sealed class EventHistory
{
    private readonly object _lock = new();
    private readonly int _limit;
    private readonly Dictionary<string, DeviceEvents> _devices = new(StringComparer.Ordinal);

    public EventHistory(int limit) => _limit = limit;

    public void Add(StoredEvent e)
    {
        lock (_lock)
        {
            if (!_devices.TryGetValue(e.DeviceId, out var d)) _devices[e.DeviceId] = d = new DeviceEvents();
            d.Add(e, _limit);
        }
    }

    /// <summary>The ids of a device's events in [start, end] of the given types (null = all), newest first.</summary>
    public List<string> Query(string deviceId, DateTimeOffset start, DateTimeOffset end, ISet<string>? types)
    {
        lock (_lock)
        {
            if (!_devices.TryGetValue(deviceId, out var d)) return new List<string>();
            var result = new List<string>();
            for (var i = d.Events.Count - 1; i >= 0; i--)
            {
                var e = d.Events[i];
                if (e.Time < start) break;
                if (e.Time <= end && (types == null || types.Contains(e.EventType))) result.Add(e.EventId);
            }

            return result;
        }
    }

    public StoredEvent? Find(string deviceId, string eventId)
    {
        lock (_lock) return _devices.TryGetValue(deviceId, out var d) && d.ById.TryGetValue(eventId, out var e) ? e : null;
    }

    /// <summary>The newest event of each type a device has kept (what a data connector's :sync re-pushes).</summary>
    public List<StoredEvent> LatestPerType(string deviceId)
    {
        lock (_lock)
        {
            if (!_devices.TryGetValue(deviceId, out var d)) return new List<StoredEvent>();
            var seen = new Dictionary<string, StoredEvent>(StringComparer.Ordinal);
            for (var i = d.Events.Count - 1; i >= 0; i--) seen.TryAdd(d.Events[i].EventType, d.Events[i]);
            return seen.Values.OrderBy(e => e.Time).ToList();
        }
    }

    public int Count(string deviceId)
    {
        lock (_lock) return _devices.TryGetValue(deviceId, out var d) ? d.Events.Count : 0;
    }

    public void Clear()
    {
        lock (_lock) _devices.Clear();
    }

    private sealed class DeviceEvents
    {
        public List<StoredEvent> Events { get; } = new();

        public Dictionary<string, StoredEvent> ById { get; } = new(StringComparer.Ordinal);

        public void Add(StoredEvent e, int limit)
        {
            // Events nearly always arrive in time order; a published event with an older timestamp is slotted in.
            var at = Events.Count;
            while (at > 0 && Events[at - 1].Time > e.Time) at--;
            Events.Insert(at, e);
            ById[e.EventId] = e;
            if (Events.Count <= limit) return;
            var drop = Events.Count - limit;
            for (var i = 0; i < drop; i++) ById.Remove(Events[i].EventId);
            Events.RemoveRange(0, drop);
        }
    }
}
