using System.Globalization;
using System.Text.Json.Nodes;
using IotAdmin.Emulator.Access;
using IotAdmin.Emulator.Events;
using IotAdmin.Emulator.Paging;
using IotAdmin.Emulator.Store;

namespace IotAdmin.Emulator.Api;

/// <summary>What a handler gets: the request, its path segments under /v2, its parsed JSON body, and the emulator's state.</summary>
internal sealed class RequestContext
{
    public required HttpContext Http { get; init; }

    public required string[] Segments { get; init; }

    public JsonNode? Body { get; init; }

    public required FleetStore Store { get; init; }

    public required EmulatorOptions Options { get; init; }

    public required PageSnapshots Snapshots { get; init; }

    /// <summary>Who sent the request (authorization: Api/Admin/Authorization.cs).</summary>
    public required Caller Caller { get; init; }
    /// <summary>Event history, streams and data connectors.</summary>
    public required EventServices Events { get; init; }

    public IQueryCollection Query => Http.Request.Query;

    /// <summary>pageSize (or page_size): DT 1–100, default 100; Cloud IoT Core (clamp) up to 500, larger values give 500.</summary>
    public int PageSize(int max = 100, bool clamp = false)
    {
        var text = PageSnapshots.First(Query, "pageSize", "page_size");
        if (text == null || (clamp && text == "0")) return max;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size < 1 || (!clamp && size > max))
            throw ApiError.BadRequest($"pageSize must be from 1 to {max}, not '{text}'", "pageSize");
        return Math.Min(size, max);
    }

    public JsonObject BodyObject() => Body as JsonObject ?? throw ApiError.BadRequest("the request body must be a JSON object", "body");

    /// <summary>A string array field of the body (e.g. "devices"); missing = empty.</summary>
    public List<string> StringArray(string field)
    {
        var node = BodyObject()[field];
        if (node == null) return new List<string>();
        if (node is not JsonArray array) throw ApiError.BadRequest($"'{field}' must be an array of strings", field);
        return array.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw ApiError.BadRequest($"'{field}' must be an array of strings", field)).ToList();
    }

    /// <summary>A page of items from an ordered snapshot: {"key":[...],"nextPageToken":"..."}.</summary>
    public JsonObject Page(string key, Func<List<string>> orderedIds, Func<string, JsonObject?> render, int maxPageSize = 100, bool clampPageSize = false)
    {
        var size = PageSize(maxPageSize, clampPageSize);
        var (ids, next, _) = Snapshots.Resolve(Http.Request, orderedIds);
        var items = new JsonArray();
        var consumed = 0;
        foreach (var id in ids)
        {
            if (items.Count == size) break;
            consumed++;
            var item = render(id);
            if (item != null) items.Add(item);
        }

        return new JsonObject { [key] = items, ["nextPageToken"] = next(consumed) };
    }
}
