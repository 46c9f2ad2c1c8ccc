using System.Text.Json;
using System.Text.Json.Nodes;
using IotAdmin.Emulator.Store;

namespace IotAdmin.Emulator.Events;

/// <summary>
/// Where every event goes through, whoever made it (the simulated fleet, a label change, a publish): it updates the
/// device's <c>reported</c>, is kept in the history (not labelsChanged), and goes out on matching streams and to
/// matching data connectors (<see cref="Sink"/>).
/// </summary>
internal sealed class EventHub
{
    private readonly FleetStore _store;
    private readonly object _lock = new();
    private readonly List<StreamSubscription> _streams = new();
    private readonly Random _ids;

    public EventHub(FleetStore store, EventHistory history, int seed)
    {
        _store = store;
        History = history;
        _ids = new Random(seed ^ 0x0e7e);
    }

    public EventHistory History { get; }

    /// <summary>Data connectors (set once by <see cref="EventServices"/>).</summary>
    public Action<PublishedEvent>? Sink { get; set; }

    /// <summary>
    /// Publishes <paramref name="payload"/> (the object under data.&lt;type&gt;; labelsChanged's unkeyed data) as an event
    /// of a device at <paramref name="time"/>. Null when the device does not exist (any more).
    /// </summary>
    public PublishedEvent? Publish(string deviceId, string eventType, JsonObject payload, DateTimeOffset time, string? eventId = null)
    {
        var labelsChanged = eventType == EventTypes.LabelsChanged;
        if (!labelsChanged) payload["updateTime"] ??= EventTime.Format(time);
        var published = _store.Read(v =>
        {
            var d = v.DeviceForWrite(deviceId);
            if (d == null) return null;
            if (!labelsChanged) d.Reported[eventType] = payload.DeepClone();
            var data = labelsChanged ? payload : new JsonObject { [eventType] = payload };
            var id = eventId ?? NewId(time);
            var stored = new StoredEvent(id, d.Id, eventType, time, Envelope(id, d.Name, eventType, data, time));
            return new PublishedEvent(stored, d.ProjectId, d.Type, d.ProductNumber ?? string.Empty, new Dictionary<string, string>(d.Labels, StringComparer.Ordinal));
        });
        if (published == null) return null;
        if (!labelsChanged) History.Add(published.Event);
        Fan(published);
        return published;
    }

    /// <summary>A labelsChanged event for a device whose labels went from <paramref name="before"/> to its current ones (none if equal).</summary>
    public void LabelsChanged(DeviceRecord device, IReadOnlyDictionary<string, string> before, DateTimeOffset time)
    {
        var added = new JsonObject();
        var modified = new JsonObject();
        var removed = new JsonArray();
        foreach (var l in device.Labels.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            if (!before.TryGetValue(l.Key, out var old)) added[l.Key] = l.Value;
            else if (old != l.Value) modified[l.Key] = l.Value;
        }

        foreach (var k in before.Keys.Where(k => !device.Labels.ContainsKey(k)).OrderBy(k => k, StringComparer.Ordinal)) removed.Add(k);
        if (added.Count == 0 && modified.Count == 0 && removed.Count == 0) return;
        Publish(device.Id, EventTypes.LabelsChanged, new JsonObject { ["added"] = added, ["modified"] = modified, ["removed"] = removed }, time);
    }

    public StreamSubscription Subscribe(string projectId, StreamFilter filter)
    {
        var s = new StreamSubscription(projectId, filter, Unsubscribe);
        lock (_lock) _streams.Add(s);
        return s;
    }

    /// <summary>Sends an item (a close) to every open stream; how many there were.</summary>
    public int Broadcast(StreamItem item)
    {
        StreamSubscription[] all;
        lock (_lock) all = _streams.ToArray();
        foreach (var s in all) s.Send(item);
        return all.Length;
    }

    public string NewId(DateTimeOffset time)
    {
        lock (_lock) return Xid.New(time, _ids);
    }

    private void Fan(PublishedEvent e)
    {
        StreamSubscription[] all;
        lock (_lock) all = _streams.ToArray();
        foreach (var s in all) s.Offer(e);
        Sink?.Invoke(e);
    }

    private void Unsubscribe(StreamSubscription s)
    {
        lock (_lock) _streams.Remove(s);
    }

    /// <summary>{"eventId","targetName","eventType","data","timestamp"}: the envelope of history, streams and pushes alike.</summary>
    internal static byte[] Envelope(string eventId, string targetName, string eventType, JsonNode? data, DateTimeOffset time)
    {
        using var buffer = new MemoryStream(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("eventId", eventId);
            w.WriteString("targetName", targetName);
            w.WriteString("eventType", eventType);
            w.WritePropertyName("data");
            if (data == null) w.WriteNullValue();
            else data.WriteTo(w);
            w.WriteString("timestamp", EventTime.Format(time));
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
