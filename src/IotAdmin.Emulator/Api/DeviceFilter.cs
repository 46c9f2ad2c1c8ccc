using System.Globalization;
using System.Text.Json.Nodes;
using IotAdmin.Emulator.Store;

namespace IotAdmin.Emulator.Api;

/// <summary>The device listing's filters and order (dt-api.md §2): device_ids, device_types, product_numbers, label_filters, query, order_by.</summary>
internal static class DeviceFilter
{
    private static readonly HashSet<string> OrderRoots = new(StringComparer.Ordinal) { "id", "name", "type", "productNumber", "labels", "reported" };

    public static List<DeviceRecord> Apply(IEnumerable<DeviceRecord> devices, IQueryCollection query)
    {
        var ids = Set(query, "device_ids");
        var types = Set(query, "device_types");
        var products = Set(query, "product_numbers");
        var labels = query["label_filters"].Where(v => v != null).Select(ParseLabelFilter!).ToList();
        var text = query["query"].ToString();
        var orderBy = query["order_by"].ToString();
        var descending = orderBy.StartsWith('-');
        var path = descending ? orderBy[1..] : orderBy;
        if (path.Length > 0 && !OrderRoots.Contains(path.Split('.')[0]))
            throw ApiError.BadRequest($"order_by '{orderBy}' is not a known field (id, type, productNumber, labels.<key>, reported.<event>.<field>)", "order_by");

        var result = devices.Where(d =>
            (ids == null || ids.Contains(d.Id)) &&
            (types == null || types.Contains(d.Type)) &&
            (products == null || (d.ProductNumber != null && products.Contains(d.ProductNumber))) &&
            labels.All(f => f.Value == null ? d.Labels.ContainsKey(f.Key) : d.Labels.TryGetValue(f.Key, out var v) && v == f.Value) &&
            (text.Length == 0 || MatchesText(d, text))).ToList();

        if (path.Length == 0) return result.OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        var keyed = result.Select(d => (Device: d, Key: SortKey(d, path))).ToList();
        keyed.Sort((a, b) =>
        {
            // Missing values last in either direction; ties broken by id so the order is total.
            if (a.Key is null || b.Key is null) return a.Key is null && b.Key is null ? string.CompareOrdinal(a.Device.Id, b.Device.Id) : a.Key is null ? 1 : -1;
            var c = Compare(a.Key, b.Key);
            if (descending) c = -c;
            return c != 0 ? c : string.CompareOrdinal(a.Device.Id, b.Device.Id);
        });
        return keyed.Select(k => k.Device).ToList();
    }

    private static HashSet<string>? Set(IQueryCollection query, string name)
    {
        if (!query.TryGetValue(name, out var values) || values.Count == 0) return null;
        return values.Where(v => !string.IsNullOrEmpty(v)).SelectMany(v => v!.Split(',')).Select(v => v.Trim()).ToHashSet(StringComparer.Ordinal);
    }

    private static KeyValuePair<string, string?> ParseLabelFilter(string filter)
    {
        var i = filter.IndexOf('=');
        if (i == 0) throw ApiError.BadRequest($"label_filters '{filter}' has no key", "label_filters");
        if (i < 0) return new(filter, null);
        var value = filter[(i + 1)..];
        return new(filter[..i], value.Length == 0 ? null : value);
    }

    private static bool MatchesText(DeviceRecord d, string text) =>
        d.Id.Contains(text, StringComparison.OrdinalIgnoreCase) ||
        d.Type.Contains(text, StringComparison.OrdinalIgnoreCase) ||
        (d.ProductNumber?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false) ||
        d.Labels.Any(l => l.Key.Contains(text, StringComparison.OrdinalIgnoreCase) || l.Value.Contains(text, StringComparison.OrdinalIgnoreCase));

    private static object? SortKey(DeviceRecord d, string path)
    {
        var parts = path.Split('.');
        switch (parts[0])
        {
            case "id": return d.Id;
            case "name": return d.Name;
            case "type": return d.Type;
            case "productNumber": return d.ProductNumber;
            case "labels": return parts.Length == 2 && d.Labels.TryGetValue(parts[1], out var v) ? v : null;
        }

        JsonNode? node = d.Reported;
        foreach (var p in parts.Skip(1))
        {
            node = node is JsonObject o && o.TryGetPropertyValue(p, out var child) ? child : null;
            if (node == null) return null;
        }

        return node is JsonValue value
            ? value.TryGetValue<double>(out var number) ? number : value.TryGetValue<string>(out var s) ? s : value.ToJsonString()
            : null;
    }

    private static int Compare(object a, object b) => (a, b) switch
    {
        (double x, double y) => x.CompareTo(y),
        (double, _) => -1,
        (_, double) => 1,
        _ => string.CompareOrdinal(Convert.ToString(a, CultureInfo.InvariantCulture), Convert.ToString(b, CultureInfo.InvariantCulture)),
    };
}
