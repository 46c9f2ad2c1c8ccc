using System.Globalization;
using System.Text.Json.Nodes;

namespace IotAdmin.Emulator.Control;

/// <summary>GET /_emulator/stats: what reached the server, so tests and benchmarks can assert on it.</summary>
internal sealed class Stats
{
    private readonly object _lock = new();
    private readonly SortedDictionary<string, int> _byStatus = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _byRoute = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _throttledByAccount = new(StringComparer.Ordinal);
    private int _requests;
    private int _throttled;
    private int _faults;
    private int _tokens;
    private int _mutations;

    public void Count(string route, int status, bool mutation)
    {
        lock (_lock)
        {
            _requests++;
            var key = status.ToString(CultureInfo.InvariantCulture);
            _byStatus[key] = _byStatus.GetValueOrDefault(key) + 1;
            _byRoute[route] = _byRoute.GetValueOrDefault(route) + 1;
            if (mutation) _mutations++;
        }
    }

    /// <summary>A 429 of the rate limit, counted per service account (its key id).</summary>
    public void Throttled(string account)
    {
        lock (_lock)
        {
            _throttled++;
            _throttledByAccount[account] = _throttledByAccount.GetValueOrDefault(account) + 1;
        }
    }

    public void FaultInjected() => Interlocked.Increment(ref _faults);

    public void TokenIssued() => Interlocked.Increment(ref _tokens);

    public JsonObject ToJson()
    {
        lock (_lock)
        {
            var byStatus = new JsonObject();
            foreach (var s in _byStatus) byStatus[s.Key] = s.Value;
            var byRoute = new JsonObject();
            foreach (var r in _byRoute) byRoute[r.Key] = r.Value;
            var byAccount = new JsonObject();
            foreach (var a in _throttledByAccount) byAccount[a.Key] = a.Value;
            return new JsonObject
            {
                ["requests"] = _requests,
                ["byStatus"] = byStatus,
                ["byRoute"] = byRoute,
                ["throttled"] = _throttled,
                ["throttledByAccount"] = byAccount,
                ["faultsInjected"] = _faults,
                ["tokensIssued"] = _tokens,
                ["mutations"] = _mutations,
            };
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _byStatus.Clear();
            _byRoute.Clear();
            _throttledByAccount.Clear();
            _requests = _throttled = _faults = _tokens = _mutations = 0;
        }
    }
}
