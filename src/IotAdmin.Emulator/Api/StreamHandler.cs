using System.Text;
using IotAdmin.Emulator.Events;

namespace IotAdmin.Emulator.Api;

/// <summary>
/// GET /v2/projects/{p}/devices:stream (dt-api-admin.md §7). application/json (the default): one
/// {"result":{"event":…}} per line, never a blank line (PY's json.loads would crash on one). text/event-stream (on
/// request): "data: …" blocks, Content-Type exactly text/event-stream (SW compares the string). ping_interval: a ping
/// event with the project as targetName. The server may end a stream (control API), as DT's does with an error line.
/// </summary>
internal static class StreamHandler
{
    private static readonly byte[] ResultStart = Encoding.UTF8.GetBytes("{\"result\":{\"event\":");
    private static readonly byte[] ResultEnd = Encoding.UTF8.GetBytes("}}");
    private static readonly byte[] SseData = Encoding.UTF8.GetBytes("data: ");
    private static readonly byte[] ClosingError = Encoding.UTF8.GetBytes(
        "{\"error\":{\"code\":1,\"grpcCode\":1,\"httpCode\":408,\"message\":\"closing stream\",\"httpStatus\":\"Request Timeout\",\"details\":[]}}");

    public static async Task Stream(RequestContext r)
    {
        var projectId = ProjectHandlers.ProjectId(r);
        if (r.Store.Read(v => v.Project(projectId)) == null) throw ProjectHandlers.ProjectNotFound(projectId);
        var pingText = Paging.PageSnapshots.First(r.Query, "ping_interval", "pingInterval");
        var ping = pingText == null ? (TimeSpan?)null : EventTime.ParseDuration(pingText) is { } p && p > TimeSpan.Zero ? p : throw ApiError.BadRequest($"ping_interval '{pingText}' is not a duration such as 10s", "ping_interval");
        var labelFilter = r.Query["label_filters"].FirstOrDefault(f => f != null && f.StartsWith('='));
        if (labelFilter != null) throw ApiError.BadRequest($"label_filters '{labelFilter}' has no key", "label_filters");
        var sse = r.Http.Request.Headers.Accept.Any(a => a != null && a.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase));

        r.Events.Simulator.CatchUp(); // wakes the fleet
        var response = r.Http.Response;
        var aborted = r.Http.RequestAborted;
        using var subscription = r.Events.Hub.Subscribe(projectId, new StreamFilter(r.Query));
        using var timer = ping is { } every ? r.Options.TimeProvider.CreateTimer(_ => subscription.Send(new StreamItem.Ping(r.Events.Now)), null, every, every) : null;
        response.StatusCode = 200;
        response.ContentType = sse ? "text/event-stream" : "application/json";
        response.Headers.CacheControl = "no-cache";
        await response.Body.FlushAsync(aborted); // the client sees 200 at once, before the first event

        try
        {
            await foreach (var item in subscription.Reader.ReadAllAsync(aborted))
            {
                switch (item)
                {
                    case StreamItem.Event e:
                        await WriteAsync(response, Result(e.Published.Event.Json), sse, aborted);
                        break;
                    case StreamItem.Ping tick:
                        var json = EventHub.Envelope(r.Events.Hub.NewId(tick.Time), "projects/" + projectId, EventTypes.Ping, null, tick.Time);
                        await WriteAsync(response, Result(json), sse, aborted);
                        break;
                    case StreamItem.Close close:
                        if (close.Mode == "abort")
                        {
                            r.Http.Abort();
                            return;
                        }

                        if (close.Mode == "error") await WriteAsync(response, ClosingError, sse, aborted);
                        return;
                }
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // the client went away
        }
    }

    private static byte[] Result(byte[] eventJson)
    {
        var line = new byte[ResultStart.Length + eventJson.Length + ResultEnd.Length];
        ResultStart.CopyTo(line, 0);
        eventJson.CopyTo(line, ResultStart.Length);
        ResultEnd.CopyTo(line, ResultStart.Length + eventJson.Length);
        return line;
    }

    private static async Task WriteAsync(HttpResponse response, byte[] json, bool sse, CancellationToken cancel)
    {
        if (sse) await response.Body.WriteAsync(SseData, cancel);
        await response.Body.WriteAsync(json, cancel);
        await response.Body.WriteAsync(sse ? "\n\n"u8.ToArray() : "\n"u8.ToArray(), cancel);
        await response.Body.FlushAsync(cancel);
    }
}
