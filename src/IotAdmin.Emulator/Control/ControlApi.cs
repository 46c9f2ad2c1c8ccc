using System.Text.Json;
using System.Text.Json.Nodes;
using IotAdmin.Emulator.Api;
using IotAdmin.Emulator.Events;
using IotAdmin.Emulator.Paging;
using IotAdmin.Emulator.Store;

namespace IotAdmin.Emulator.Control;

/// <summary>/_emulator/*: faults, rate limit, stats, reset. Unauthenticated, loopback only, never counted in the stats.</summary>
internal sealed class ControlApi
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    private readonly FleetStore _store;
    private readonly FaultInjector _faults;
    private readonly Stats _stats;
    private readonly RateWindow _rate;
    private readonly PageSnapshots _snapshots;
    private readonly EventServices _events;
    private readonly EventControl _eventControl;

    public ControlApi(FleetStore store, FaultInjector faults, Stats stats, RateWindow rate, PageSnapshots snapshots, EventServices events)
    {
        _events = events;
        _eventControl = new EventControl(events);
        _store = store;
        _faults = faults;
        _stats = stats;
        _rate = rate;
        _snapshots = snapshots;
    }

    /// <summary>The JSON body as <typeparamref name="T"/>, or why it is not one.</summary>
    private static async Task<(T? Value, string? Problem)> ReadAsync<T>(HttpContext context, string what)
        where T : class
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(context.Request.Body, Json, context.RequestAborted);
            return value == null ? (null, "the body must be " + what) : (value, null);
        }
        catch (JsonException e)
        {
            return (null, "the body is not valid JSON: " + e.Message);
        }
    }

    private JsonObject RateLimitJson() => new() { ["limit"] = _rate.Limit, ["windowSeconds"] = _rate.Window.TotalSeconds };

    public async Task HandleAsync(HttpContext context)
    {
        var method = context.Request.Method.ToUpperInvariant();
        switch (context.Request.Path.Value, method)
        {
            case ("/_emulator/faults", "POST"):
                var (spec, problem) = await ReadAsync<FaultSpec>(context, "a fault object");
                problem ??= spec!.Validate();
                if (problem != null)
                {
                    await ErrorWriter.WriteAsync(context, ApiError.BadRequest(problem, "body"), "dt");
                    return;
                }

                _faults.Add(spec!);
                await JsonReply.WriteAsync(context, 200, new JsonObject { ["added"] = spec!.Count });
                return;
            case ("/_emulator/faults", "DELETE"):
                _faults.Clear();
                await JsonReply.WriteAsync(context, 200, new JsonObject());
                return;
            case ("/_emulator/ratelimit", "POST"):
                var (limit, invalid) = await ReadAsync<RateLimitSpec>(context, "a rate limit object");
                invalid ??= limit!.Validate();
                if (invalid != null)
                {
                    await ErrorWriter.WriteAsync(context, ApiError.BadRequest(invalid, "body"), "dt");
                    return;
                }

                _rate.Set(limit!.Limit, TimeSpan.FromSeconds(limit.WindowSeconds));
                await JsonReply.WriteAsync(context, 200, RateLimitJson());
                return;
            case ("/_emulator/ratelimit", "GET"):
                await JsonReply.WriteAsync(context, 200, RateLimitJson());
                return;
            case ("/_emulator/stats", "GET"):
                await JsonReply.WriteAsync(context, 200, _stats.ToJson());
                return;
            case ("/_emulator/reset", "POST"):
                _store.Reset();
                _faults.Clear();
                _stats.Clear();
                _rate.Clear();
                _snapshots.Clear();
                _events.Reset();
                await JsonReply.WriteAsync(context, 200, new JsonObject());
                return;
            case var (path, _) when EventControl.Handles(path):
                await _eventControl.HandleAsync(context);
                return;
            default:
                await ErrorWriter.WriteAsync(context, ApiError.NotFound("no such control endpoint; see docs/emulator.md"), "dt");
                return;
        }
    }
}
