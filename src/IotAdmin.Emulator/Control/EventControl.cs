using System.Text.Json;
using System.Text.Json.Nodes;
using IotAdmin.Emulator.Api;
using IotAdmin.Emulator.Events;

namespace IotAdmin.Emulator.Control;

/// <summary>
/// The control calls of events: POST /_emulator/events publishes an event on purpose (data optional: a typical one of
/// the type is made), POST /_emulator/streams:close ends every open devices:stream (the fault clients' reconnects are
/// tested with), GET /_emulator/inventory lists the unclaimed kits and devices and the claim counters.
/// </summary>
internal sealed class EventControl
{
    private readonly EventServices _events;

    public EventControl(EventServices events) => _events = events;

    public static bool Handles(string? path) => path is "/_emulator/events" or "/_emulator/streams:close" or "/_emulator/inventory";

    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            if (context.Request.Path.Value == "/_emulator/inventory")
            {
                if (context.Request.Method != "GET") throw new ApiError(405, "use GET", "UNIMPLEMENTED");
                await JsonReply.WriteAsync(context, 200, _events.Claims.ToJson());
                return;
            }

            if (context.Request.Method != "POST") throw new ApiError(405, "use POST", "UNIMPLEMENTED");
            var body = await ReadAsync(context);
            var answer = context.Request.Path.Value == "/_emulator/events" ? Publish(body) : Close(body);
            await JsonReply.WriteAsync(context, 200, answer);
        }
        catch (ApiError e)
        {
            await ErrorWriter.WriteAsync(context, e, "dt");
        }
    }

    /// <summary>{"deviceId":"…" (or "targetName":"projects/p/devices/d"), "eventType":"temperature", "data":{…}?, "timestamp":"RFC 3339"?}.</summary>
    private JsonObject Publish(JsonObject body)
    {
        var deviceId = Text(body, "deviceId") ?? Text(body, "targetName")?.Split('/').Last() ?? throw ApiError.BadRequest("deviceId (or targetName) is required", "deviceId");
        var type = Text(body, "eventType") ?? throw ApiError.BadRequest("eventType is required", "eventType");
        if (!EventTypes.All.Contains(type)) throw ApiError.BadRequest($"'{type}' is not an event type", "eventType");
        var timestampText = Text(body, "timestamp");
        var time = timestampText == null ? _events.Now : EventTime.Parse(timestampText) ?? throw ApiError.BadRequest($"timestamp '{timestampText}' is not RFC 3339", "timestamp");
        var deviceType = _events.Store.Read(v => v.DeviceForWrite(deviceId)?.Type) ?? throw ApiError.NotFound($"device '{deviceId}' not found");
        var data = body["data"] switch
        {
            null => _events.Simulator.Sample(deviceId, deviceType, type, time),
            JsonObject given => (JsonObject)(given[type] is JsonObject keyed && type != EventTypes.LabelsChanged ? keyed : given).DeepClone(),
            _ => throw ApiError.BadRequest("data must be an object", "data"),
        };
        _events.Simulator.CatchUp(); // the fleet's earlier events first, so history stays in order
        var published = _events.Hub.Publish(deviceId, type, data, time) ?? throw ApiError.NotFound($"device '{deviceId}' not found");
        return JsonNode.Parse(published.Event.Json)!.AsObject();
    }

    /// <summary>{"mode":"error"} (default: an in-stream error line, then the end), "end" (a clean end) or "abort" (a reset).</summary>
    private JsonObject Close(JsonObject body)
    {
        var mode = Text(body, "mode") ?? "error";
        if (mode is not ("error" or "end" or "abort")) throw ApiError.BadRequest($"mode must be error, end or abort, not '{mode}'", "mode");
        return new JsonObject { ["closed"] = _events.Hub.Broadcast(new StreamItem.Close(mode)) };
    }

    private static async Task<JsonObject> ReadAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        if (string.IsNullOrWhiteSpace(text)) return new JsonObject();
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw ApiError.BadRequest("the body must be a JSON object", "body");
        }
        catch (JsonException e)
        {
            throw ApiError.BadRequest("the body is not valid JSON: " + e.Message, "body");
        }
    }

    private static string? Text(JsonObject o, string field) =>
        o[field] switch
        {
            null => null,
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            _ => throw ApiError.BadRequest($"'{field}' must be a string", field),
        };
}
