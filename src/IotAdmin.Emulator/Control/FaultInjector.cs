namespace IotAdmin.Emulator.Control;

/// <summary>Scripted faults (the control API) and seeded random ones (--fault-rate).</summary>
internal sealed class FaultInjector
{
    private readonly List<FaultSpec> _scripted = new();
    private readonly EmulatorOptions _options;
    private Random _random;

    public FaultInjector(EmulatorOptions options)
    {
        _options = options;
        _random = new Random(options.Seed);
    }

    public void Add(FaultSpec spec)
    {
        spec.Remaining = spec.Count;
        lock (_scripted) _scripted.Add(spec);
    }

    public void Clear()
    {
        lock (_scripted)
        {
            _scripted.Clear();
            _random = new Random(_options.Seed);
        }
    }

    /// <summary>The fault this request gets, if any: a scripted one first, else (when <paramref name="random"/>) a random one.</summary>
    public FaultSpec? Take(string method, string path, bool random = true)
    {
        lock (_scripted)
        {
            var spec = _scripted.FirstOrDefault(f => f.Remaining > 0 && f.Matches(method, path));
            if (spec != null)
            {
                if (--spec.Remaining == 0) _scripted.Remove(spec);
                return spec;
            }

            if (random && _options.FaultRate > 0 && _random.NextDouble() < _options.FaultRate)
                return new FaultSpec { Status = _options.FaultStatuses[_random.Next(_options.FaultStatuses.Length)], Message = "injected fault (--fault-rate)" };
            return null;
        }
    }
}
