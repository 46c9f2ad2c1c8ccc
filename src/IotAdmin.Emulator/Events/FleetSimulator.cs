using IotAdmin.Emulator.Store;

namespace IotAdmin.Emulator.Events;

/// <summary>
/// The living fleet: every device that is not emulated (emulated ones only publish) sends its type's events on
/// <see cref="EventSchedule"/>, on the emulator's clock. At the first events request the last --event-history is filled
/// in; from then on a timer (and every events request) catches up to "now", stamping each event with the time it was
/// due, so the same seed gives the same events however the clock is driven (a fake clock jumping hours included).
/// </summary>
internal sealed class FleetSimulator : IDisposable
{
    private const double BackfillBudget = 300_000;

    private readonly object _lock = new();
    private readonly EmulatorOptions _options;
    private readonly FleetStore _store;
    private readonly EventHub _hub;
    private readonly Dictionary<string, SensorState> _sensors = new(StringComparer.Ordinal);
    private ITimer? _timer;
    private DateTimeOffset? _backfillFrom; // set while the history is being filled in

    public FleetSimulator(EmulatorOptions options, FleetStore store, EventHub hub)
    {
        _options = options;
        _store = store;
        _hub = hub;
    }

    private TimeSpan Interval => _options.EventInterval;

    private bool Enabled => Interval > TimeSpan.Zero;

    /// <summary>
    /// Sends every event that has fallen due up to now. The first call wakes the fleet: the last --event-history is
    /// filled in and the timer starts. Every events request calls this, so an emulator nobody asks for events pays nothing.
    /// </summary>
    public void CatchUp()
    {
        if (!Enabled) return;
        lock (_lock)
        {
            if (_timer == null)
            {
                _backfillFrom = _options.TimeProvider.GetUtcNow() - BackfillWindow();
                Run(_options.TimeProvider.GetUtcNow());
                _backfillFrom = null;
                var tick = TimeSpan.FromTicks(Math.Clamp(Interval.Ticks / 4, TimeSpan.TicksPerMillisecond * 10, TimeSpan.TicksPerSecond));
                _timer = _options.TimeProvider.CreateTimer(_ => Tick(), null, tick, tick);
                return;
            }

            Run(_options.TimeProvider.GetUtcNow());
        }
    }

    /// <summary>
    /// --event-history, but no more than about <see cref="BackfillBudget"/> events for the whole fleet (a big fleet on a
    /// short interval would otherwise take minutes to wake), and never less than 96 heartbeats.
    /// </summary>
    private TimeSpan BackfillWindow()
    {
        var sensors = _store.Read(v => v.Devices.Count(d => !IsEmulated(d)));
        var heartbeats = Math.Max(96, BackfillBudget / Math.Max(1.0, sensors * 1.5)); // ~1.5 events per device per interval
        return TimeSpan.FromTicks((long)Math.Min(_options.EventHistory.Ticks, Interval.Ticks * heartbeats));
    }

    /// <summary>The timer's catch-up: a failure must not end the process (an exception in a timer callback would).</summary>
    private void Tick()
    {
        try
        {
            CatchUp();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Console.Error.WriteLine("emulator: event simulation failed: " + e.Message);
        }
    }

    /// <summary>After the fleet is reseeded: every schedule starts again, asleep until the next events request.</summary>
    public void Restart()
    {
        lock (_lock)
        {
            _timer?.Dispose();
            _timer = null;
            _sensors.Clear();
        }
    }

    private void Run(DateTimeOffset now)
    {
        var devices = _store.Read(v => v.Devices.Where(d => !IsEmulated(d)).Select(d => (d.Id, d.Type)).ToList());
        foreach (var (id, type) in devices)
        {
            if (!_sensors.TryGetValue(id, out var s))
            {
                // Seeded devices start at the history's origin; devices that appear later (claimed) start now.
                _sensors[id] = s = new SensorState(_options.Seed, id, type);
                foreach (var t in EventTypes.SentBy(type)) s.Due[t] = EventSchedule.First(t, s, _backfillFrom ?? now, Interval);
            }

            Run(s, now);
        }
    }

    /// <summary>A typical event of a type for a device (a control publish without data).</summary>
    public System.Text.Json.Nodes.JsonObject Sample(string deviceId, string deviceType, string eventType, DateTimeOffset time)
    {
        lock (_lock)
        {
            var s = _sensors.TryGetValue(deviceId, out var known) ? known : new SensorState(_options.Seed, deviceId, deviceType);
            return EventGenerator.Make(eventType, s, time, Enabled ? Interval : TimeSpan.FromMinutes(15));
        }
    }

    public void Dispose()
    {
        lock (_lock) _timer?.Dispose();
    }

    private void Run(SensorState s, DateTimeOffset now)
    {
        while (true)
        {
            string? type = null;
            var due = DateTimeOffset.MaxValue;
            foreach (var d in s.Due)
            {
                if (d.Value < due || (d.Value == due && string.CompareOrdinal(d.Key, type) < 0)) (type, due) = (d.Key, d.Value);
            }

            if (type == null || due > now) return;
            s.Due[type] = EventSchedule.Next(type, s, due, Interval);
            var payload = EventGenerator.Make(type, s, due, Interval);
            if (_hub.Publish(s.DeviceId, type, payload, due, Xid.New(due, s.Random)) == null)
            {
                _sensors.Remove(s.DeviceId); // deleted meanwhile
                return;
            }
        }
    }

    private static bool IsEmulated(DeviceRecord d) => d.Id.StartsWith("emu", StringComparison.Ordinal) || d.Labels.ContainsKey("virtual-sensor");
}
