using System.Text.Json.Nodes;
using IotAdmin.Emulator.Events;

namespace IotAdmin.Emulator.Api;

/// <summary>GET /v2/projects/{p}/devices/{d}/events (dt-api-admin.md §6): both parameter spellings, last 24 h by default, newest first, pageSize 1–1000.</summary>
internal static class EventHandlers
{
    private static readonly TimeSpan DefaultWindow = TimeSpan.FromHours(24);

    public static JsonNode History(RequestContext r)
    {
        var (projectId, deviceId) = DeviceHandlers.Ids(r);
        var exists = r.Store.Read(v => v.Device(deviceId) is { } d && (projectId == "-" || d.ProjectId == projectId));
        if (!exists) throw ApiError.NotFound($"device '{deviceId}' not found" + (projectId == "-" ? string.Empty : $" in project '{projectId}'"));
        var now = r.Events.Now;
        var end = Time(r, "endTime", "end_time") ?? now;
        var start = Time(r, "startTime", "start_time") ?? end - DefaultWindow;
        if (start > end) throw ApiError.BadRequest("startTime must not be after endTime", "startTime");
        var types = StreamFilter.Set(r.Query, "eventTypes", "event_types");
        if (types?.FirstOrDefault(t => !EventTypes.All.Contains(t)) is { } unknown) throw ApiError.BadRequest($"eventTypes: '{unknown}' is not an event type", "eventTypes");
        r.Events.Simulator.CatchUp();
        var history = r.Events.History;
        return r.Page(
            "events",
            () => history.Query(deviceId, start, end, types),
            id => history.Find(deviceId, id) is { } e ? JsonNode.Parse(e.Json) as JsonObject : null, // evicted meanwhile: gone
            maxPageSize: 1000);
    }

    private static DateTimeOffset? Time(RequestContext r, string camel, string snake)
    {
        var text = Paging.PageSnapshots.First(r.Query, camel, snake);
        if (string.IsNullOrEmpty(text)) return null;
        return EventTime.Parse(text) ?? throw ApiError.BadRequest($"{camel} '{text}' is not an RFC 3339 time such as 2026-11-29T12:00:00Z", camel);
    }
}
