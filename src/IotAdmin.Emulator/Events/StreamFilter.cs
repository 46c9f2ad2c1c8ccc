namespace IotAdmin.Emulator.Events;

/// <summary>
/// devices:stream's filters (dt-api-admin.md §7): device_ids, device_types, event_types, product_numbers (repeated
/// keys, commas accepted too) and label_filters ("k=v", or a bare "k" for "has the label"). Unset = no restriction.
/// </summary>
internal sealed class StreamFilter
{
    private readonly HashSet<string>? _devices;
    private readonly HashSet<string>? _types;
    private readonly HashSet<string>? _events;
    private readonly HashSet<string>? _products;
    private readonly List<(string Key, string? Value)> _labels;

    public StreamFilter(IQueryCollection query)
    {
        _devices = Set(query, "device_ids", "deviceIds");
        _types = Set(query, "device_types", "deviceTypes");
        _events = Set(query, "event_types", "eventTypes");
        _products = Set(query, "product_numbers", "productNumbers");
        _labels = Values(query, "label_filters", "labelFilters").Select(ParseLabel).ToList();
    }

    public bool Matches(PublishedEvent e) =>
        (_devices == null || _devices.Contains(e.Event.DeviceId)) &&
        (_types == null || _types.Contains(e.DeviceType)) &&
        (_events == null || _events.Contains(e.Event.EventType)) &&
        (_products == null || _products.Contains(e.ProductNumber)) &&
        _labels.All(l => e.Labels.TryGetValue(l.Key, out var v) && (l.Value == null || v == l.Value));

    /// <summary>The values of a repeated parameter under either spelling, commas split; null when none is given.</summary>
    internal static HashSet<string>? Set(IQueryCollection query, params string[] names)
    {
        var values = Values(query, names).SelectMany(v => v.Split(',')).Select(v => v.Trim()).Where(v => v.Length > 0).ToHashSet(StringComparer.Ordinal);
        return values.Count > 0 ? values : null;
    }

    private static IEnumerable<string> Values(IQueryCollection query, params string[] names) =>
        names.SelectMany(n => query.TryGetValue(n, out var v) ? v.Where(s => !string.IsNullOrEmpty(s)).Select(s => s!) : Enumerable.Empty<string>());

    private static (string, string?) ParseLabel(string filter)
    {
        var i = filter.IndexOf('=');
        return i < 0 ? (filter, null) : (filter[..i], i == filter.Length - 1 ? null : filter[(i + 1)..]);
    }
}
