using System.Text.Json.Nodes;
using IotAdmin.Emulator.Api;
using IotAdmin.Emulator.Events;

namespace IotAdmin.Emulator.Connectors;

/// <summary>
/// The data connectors of every project and their delivery: each ACTIVE HTTP_PUSH connector has a queue that a
/// <see cref="PushWorker"/> drains. One lock guards the records; no other lock is taken while holding it.
/// </summary>
internal sealed class ConnectorStore : IDisposable
{
    private readonly object _lock = new();
    private readonly EmulatorOptions _options;
    private readonly Random _ids;
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(10) };
    private readonly Dictionary<string, (ConnectorRecord Record, PushWorker Worker)> _connectors = new(StringComparer.Ordinal);

    public ConnectorStore(EmulatorOptions options)
    {
        _options = options;
        _ids = new Random(options.Seed ^ 0x0dc0);
    }

    /// <summary>A project's data connectors (a project with some may not be deleted: dt-api-admin.md §1; FleetStore.DataConnectorHook.cs).</summary>
    public int Count(string projectId)
    {
        lock (_lock) return _connectors.Values.Count(c => c.Record.ProjectId == projectId);
    }

    public List<string> Ids(string projectId)
    {
        lock (_lock) return _connectors.Values.Where(c => c.Record.ProjectId == projectId).Select(c => c.Record.Id).OrderBy(id => id, StringComparer.Ordinal).ToList();
    }

    public JsonObject? Json(string projectId, string id)
    {
        lock (_lock) return Find(projectId, id)?.Record.ToJson();
    }

    public JsonObject Create(string projectId, JsonObject body)
    {
        lock (_lock)
        {
            var record = ConnectorInput.Create(Xid.New(_options.TimeProvider.GetUtcNow(), _ids), projectId, body);
            _connectors[record.Id] = (record, new PushWorker(record, _lock, _http, _options.TimeProvider, _options.ConnectorDisableAfter, NewJti));
            return record.ToJson();
        }
    }

    public JsonObject Update(string projectId, string id, JsonObject body, string? mask)
    {
        lock (_lock)
        {
            var (record, worker) = Find(projectId, id) ?? throw NotFound(id);
            if (ConnectorInput.Patch(record, body, mask)) record.ConsecutiveFailures = 0; // re-enabled: a fresh start
            if (record.Status != ConnectorStatus.Active) worker.DropQueued();
            return record.ToJson();
        }
    }

    public void Delete(string projectId, string id)
    {
        PushWorker worker;
        lock (_lock)
        {
            worker = (Find(projectId, id) ?? throw NotFound(id)).Worker;
            _connectors.Remove(id);
        }

        worker.Dispose();
    }

    public JsonObject Metrics(string projectId, string id)
    {
        lock (_lock) return (Find(projectId, id) ?? throw NotFound(id)).Record.Metrics.ToJson(_options.TimeProvider.GetUtcNow());
    }

    /// <summary>Queues an event to every ACTIVE connector of its project whose event filter takes it.</summary>
    public void Dispatch(PublishedEvent e)
    {
        lock (_lock)
        {
            foreach (var (record, worker) in _connectors.Values)
            {
                if (record.ProjectId == e.ProjectId && record.Status == ConnectorStatus.Active && record.Http != null && (record.Events.Count == 0 || record.Events.Contains(e.Event.EventType)))
                    worker.Enqueue(PushBody.For(e, record.Labels));
            }
        }
    }

    /// <summary>:sync — queues the given events (the latest of each type per device) to one connector; false when it is not ACTIVE.</summary>
    public void Sync(string projectId, string id, IEnumerable<PublishedEvent> latest)
    {
        lock (_lock)
        {
            var (record, worker) = Find(projectId, id) ?? throw NotFound(id);
            if (record.Status != ConnectorStatus.Active) throw new ApiError(400, $"data connector '{id}' is {record.Status}; set its status to ACTIVE before a sync", "FAILED_PRECONDITION");
            if (record.Http == null) return; // other types are kept as data only
            foreach (var e in latest.Where(e => record.Events.Count == 0 || record.Events.Contains(e.Event.EventType))) worker.Enqueue(PushBody.For(e, record.Labels));
        }
    }

    public void Clear()
    {
        List<PushWorker> workers;
        lock (_lock)
        {
            workers = _connectors.Values.Select(c => c.Worker).ToList();
            _connectors.Clear();
        }

        foreach (var w in workers) w.Dispose();
    }

    public void Dispose()
    {
        Clear();
        _http.Dispose();
    }

    private (ConnectorRecord Record, PushWorker Worker)? Find(string projectId, string id) =>
        _connectors.TryGetValue(id, out var c) && c.Record.ProjectId == projectId ? c : null;

    private string NewJti(DateTimeOffset now)
    {
        lock (_ids) return Xid.New(now, _ids);
    }

    private static ApiError NotFound(string id) => ApiError.NotFound($"data connector '{id}' not found");
}
