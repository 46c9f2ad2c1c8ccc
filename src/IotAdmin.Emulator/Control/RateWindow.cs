namespace IotAdmin.Emulator.Control;

/// <summary>
/// The service's limit as the vendor describes it: N requests in any 10 s per service account ("after 75 requests in
/// 1 second … wait 9 seconds"), a sliding-window log. Refused requests do not count.
/// </summary>
internal sealed class RateWindow
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    private readonly Dictionary<string, Queue<DateTimeOffset>> _accepted = new(StringComparer.Ordinal);
    private readonly EmulatorOptions _options;

    public RateWindow(EmulatorOptions options) => _options = options;

    /// <summary>True when the request may pass; otherwise the whole seconds until the oldest request leaves the window.</summary>
    public bool TryAcquire(string account, out int retryAfterSeconds)
    {
        retryAfterSeconds = 0;
        if (_options.RateLimit <= 0) return true;
        var now = _options.TimeProvider.GetUtcNow();
        lock (_accepted)
        {
            if (!_accepted.TryGetValue(account, out var log)) _accepted[account] = log = new Queue<DateTimeOffset>();
            while (log.Count > 0 && now - log.Peek() >= Window) log.Dequeue();
            if (log.Count < _options.RateLimit)
            {
                log.Enqueue(now);
                return true;
            }

            retryAfterSeconds = Math.Max(1, (int)Math.Ceiling((log.Peek() + Window - now).TotalSeconds));
            return false;
        }
    }

    public void Clear()
    {
        lock (_accepted) _accepted.Clear();
    }
}
