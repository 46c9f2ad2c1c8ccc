using IotAdmin.Emulator.Claims;
using IotAdmin.Emulator.Connectors;
using IotAdmin.Emulator.Store;

namespace IotAdmin.Emulator.Events;

/// <summary>Events, streams and data connectors of one emulator, wired together: the fleet publishes through the hub, which feeds history, streams and connectors.</summary>
internal sealed class EventServices : IDisposable
{
    public EventServices(EmulatorOptions options, FleetStore store)
    {
        Options = options;
        Store = store;
        History = new EventHistory(options.HistorySize);
        Hub = new EventHub(store, History, options.Seed);
        Connectors = new ConnectorStore(options);
        Hub.Sink = Connectors.Dispatch;
        store.DataConnectorCounter = Connectors.Count; // a project with data connectors may not be deleted
        Simulator = new FleetSimulator(options, store, Hub);
        Claims = new ClaimInventory(options, store);
    }

    public EmulatorOptions Options { get; }

    public FleetStore Store { get; }

    public EventHistory History { get; }

    public EventHub Hub { get; }

    public ConnectorStore Connectors { get; }

    public FleetSimulator Simulator { get; }

    /// <summary>Unclaimed kits and devices; claimed ones join the fleet and so start sending events.</summary>
    public ClaimInventory Claims { get; }

    public DateTimeOffset Now => Options.TimeProvider.GetUtcNow();

    /// <summary>After the fleet is reseeded: history, connectors and schedules start again (open streams stay open).</summary>
    public void Reset()
    {
        History.Clear();
        Connectors.Clear();
        Simulator.Restart();
        Claims.Reset();
    }

    public void Dispose()
    {
        Hub.Broadcast(new StreamItem.Close("end")); // open streams end, so the server can stop
        Simulator.Dispose();
        Connectors.Dispose();
    }
}
