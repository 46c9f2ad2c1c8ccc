namespace IotAdmin.Emulator.Api;

/// <summary>
/// Devices being changed by an in-flight request: a second change of the same device meanwhile gets 409 ABORTED
/// ("concurrent modification; re-read and retry"), as the service answers rapid changes from different clients.
/// </summary>
internal sealed class BusyDevices
{
    private readonly HashSet<string> _busy = new(StringComparer.Ordinal);

    /// <summary>Marks the devices busy, or returns false (and marks nothing) when one already is.</summary>
    public bool TryEnter(IReadOnlyCollection<string> devices)
    {
        lock (_busy)
        {
            if (devices.Any(_busy.Contains)) return false;
            foreach (var d in devices) _busy.Add(d);
            return true;
        }
    }

    public void Exit(IReadOnlyCollection<string> devices)
    {
        lock (_busy)
        {
            foreach (var d in devices) _busy.Remove(d);
        }
    }
}
