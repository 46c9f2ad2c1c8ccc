using System.Globalization;
using System.Text.Json.Nodes;

namespace IotAdmin.Emulator.Connectors;

/// <summary>:metrics — push attempts of the last 3 hours: successes, errors (non-2xx or no answer), 99th-percentile latency.</summary>
internal sealed class PushMetrics
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(3);
    private readonly Queue<(DateTimeOffset At, bool Ok, TimeSpan Latency)> _attempts = new();

    public void Add(DateTimeOffset at, bool ok, TimeSpan latency) => _attempts.Enqueue((at, ok, latency));

    public JsonObject ToJson(DateTimeOffset now)
    {
        while (_attempts.Count > 0 && now - _attempts.Peek().At > Window) _attempts.Dequeue();
        var latencies = _attempts.Where(a => a.Ok).Select(a => a.Latency.TotalSeconds).OrderBy(s => s).ToList();
        var p99 = latencies.Count == 0 ? 0 : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(latencies.Count * 0.99) - 1)];
        return new JsonObject
        {
            ["metrics"] = new JsonObject
            {
                ["successCount"] = _attempts.Count(a => a.Ok),
                ["errorCount"] = _attempts.Count(a => !a.Ok),
                ["latency99p"] = p99.ToString("0.000", CultureInfo.InvariantCulture) + "s",
            },
        };
    }
}
