using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IotAdmin.Emulator.Api;

namespace IotAdmin.Emulator.Paging;

/// <summary>
/// Page tokens are opaque cursors into a snapshot of the ordered ids taken at the first page: later pages return the
/// current data of those ids, so changing labels (even the sort key) while a listing is paged through neither skips
/// nor repeats an item. A token only fits the query it came from.
/// </summary>
internal sealed class PageSnapshots
{
    private const int MaxSnapshots = 500;
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<string, Snapshot> _snapshots = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public PageSnapshots(TimeProvider time) => _time = time;

    /// <summary>The ids of this page and the next page token ("" on the last page).</summary>
    public (IReadOnlyList<string> Ids, Func<int, string> NextToken, int Offset) Resolve(HttpRequest request, Func<List<string>> orderedIds)
    {
        var fingerprint = Fingerprint(request);
        var token = First(request.Query, "pageToken", "page_token");
        Snapshot snapshot;
        int offset;
        if (string.IsNullOrEmpty(token))
        {
            Evict();
            snapshot = new Snapshot(Convert.ToHexString(RandomNumberGenerator.GetBytes(8)), fingerprint, orderedIds(), _time.GetUtcNow());
            _snapshots[snapshot.Id] = snapshot;
            offset = 0;
        }
        else
        {
            (snapshot, offset) = Decode(token, fingerprint);
        }

        string Next(int consumed)
        {
            var next = offset + consumed;
            return next >= snapshot.Ids.Count ? string.Empty : Encode(snapshot, next);
        }

        return (snapshot.Ids.Skip(offset).ToList(), Next, offset);
    }

    public void Clear() => _snapshots.Clear();

    private (Snapshot, int) Decode(string token, string fingerprint)
    {
        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(Convert.FromBase64String(Pad(token.Replace('-', '+').Replace('_', '/')))).Split('|');
        }
        catch (FormatException)
        {
            throw ApiError.BadRequest("invalid page token", "pageToken");
        }

        if (parts.Length != 4 || parts[0] != "v1" || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            throw ApiError.BadRequest("invalid page token", "pageToken");
        if (!_snapshots.TryGetValue(parts[1], out var snapshot)) throw ApiError.BadRequest("page token expired; start the listing again", "pageToken");
        if (parts[3] != fingerprint || snapshot.Fingerprint != fingerprint) throw ApiError.BadRequest("page token belongs to another query", "pageToken");
        return (snapshot, offset);
    }

    private static string Encode(Snapshot s, int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"v1|{s.Id}|{offset.ToString(CultureInfo.InvariantCulture)}|{s.Fingerprint}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The query without its paging parameters: a token is valid only for the same path and filters.</summary>
    private static string Fingerprint(HttpRequest request)
    {
        var parts = request.Query.Where(q => q.Key is not ("pageToken" or "page_token" or "pageSize" or "page_size"))
            .OrderBy(q => q.Key, StringComparer.Ordinal)
            .Select(q => q.Key + "=" + string.Join(",", q.Value.ToArray()));
        var text = request.Path.Value + "?" + string.Join("&", parts);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    private void Evict()
    {
        var now = _time.GetUtcNow();
        foreach (var s in _snapshots.Values.Where(s => now - s.Created > Lifetime)) _snapshots.TryRemove(s.Id, out _);
        if (_snapshots.Count < MaxSnapshots) return;
        foreach (var s in _snapshots.Values.OrderBy(s => s.Created).Take(_snapshots.Count - MaxSnapshots + 1)) _snapshots.TryRemove(s.Id, out _);
    }

    internal static string? First(IQueryCollection query, params string[] names)
    {
        foreach (var n in names)
            if (query.TryGetValue(n, out var v) && v.Count > 0) return v[0];
        return null;
    }

    private static string Pad(string s) => s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');

    private sealed record Snapshot(string Id, string Fingerprint, List<string> Ids, DateTimeOffset Created);
}
