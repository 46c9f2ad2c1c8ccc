namespace IotAdmin.Emulator.Control;

/// <summary>
/// The service's limit as the vendor describes it: N requests in any W per service account (75 in 10 s: "after 75
/// requests in 1 second … wait 9 seconds"), a sliding-window log. Refused requests do not count. The limit can be
/// changed while the emulator runs (POST /_emulator/ratelimit), to rehearse a server whose budget differs from the
/// published one.
/// </summary>
internal sealed class RateWindow
{
    private readonly Dictionary<string, Queue<DateTimeOffset>> _accepted = new(StringComparer.Ordinal);
    private readonly EmulatorOptions _options;
    private readonly TimeProvider _time;
    private int _limit;
    private TimeSpan _window;

    public RateWindow(EmulatorOptions options)
    {
        _options = options;
        _time = options.TimeProvider;
        _limit = options.RateLimit;
        _window = TimeSpan.FromSeconds(options.RateWindowSeconds);
    }

    /// <summary>Requests per <see cref="Window"/> per account; 0 = off.</summary>
    public int Limit
    {
        get
        {
            lock (_accepted) return _limit;
        }
    }

    public TimeSpan Window
    {
        get
        {
            lock (_accepted) return _window;
        }
    }

    /// <summary>The limit from now on; what was accepted before still counts against it.</summary>
    public void Set(int limit, TimeSpan window)
    {
        lock (_accepted)
        {
            _limit = limit;
            _window = window;
        }
    }

    /// <summary>True when the request may pass; otherwise the whole seconds until the oldest request leaves the window.</summary>
    public bool TryAcquire(string account, out int retryAfterSeconds)
    {
        retryAfterSeconds = 0;
        var now = _time.GetUtcNow();
        lock (_accepted)
        {
            if (_limit <= 0) return true;
            if (!_accepted.TryGetValue(account, out var log)) _accepted[account] = log = new Queue<DateTimeOffset>();
            while (log.Count > 0 && now - log.Peek() >= _window) log.Dequeue();
            if (log.Count < _limit)
            {
                log.Enqueue(now);
                return true;
            }

            retryAfterSeconds = Math.Max(1, (int)Math.Ceiling((log.Peek() + _window - now).TotalSeconds));
            return false;
        }
    }

    /// <summary>Forgets every account's requests and restores the command line's limit.</summary>
    public void Clear()
    {
        lock (_accepted)
        {
            _accepted.Clear();
            _limit = _options.RateLimit;
            _window = TimeSpan.FromSeconds(_options.RateWindowSeconds);
        }
    }
}
