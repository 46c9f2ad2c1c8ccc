using System.Text.Json;
using System.Text.Json.Nodes;
using IotAdmin.Emulator.Api;
using IotAdmin.Emulator.Events;
using IotAdmin.Emulator.Paging;
using IotAdmin.Emulator.Store;

namespace IotAdmin.Emulator.Control;

/// <summary>/_emulator/*: faults, stats, reset. Unauthenticated, loopback only, never counted in the stats.</summary>
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

    public async Task HandleAsync(HttpContext context)
    {
        var method = context.Request.Method.ToUpperInvariant();
        switch (context.Request.Path.Value, method)
        {
            case ("/_emulator/faults", "POST"):
                FaultSpec? spec;
                try
                {
                    spec = await JsonSerializer.DeserializeAsync<FaultSpec>(context.Request.Body, Json, context.RequestAborted);
                }
                catch (JsonException e)
                {
                    await ErrorWriter.WriteAsync(context, ApiError.BadRequest("the fault is not valid JSON: " + e.Message, "body"), "dt");
                    return;
                }

                var problem = spec == null ? "the body must be a fault object" : spec.Validate();
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
