namespace IotAdmin.Emulator.Store;

/// <summary>
/// The hook between projects and data connectors: deleting a project is refused while it has any. Issue 16 (data
/// connectors) replaces this file with the count over its collection; until then there are none.
/// </summary>
internal sealed partial class FleetStore
{
    internal readonly partial struct StoreView
    {
        public int DataConnectorCount(string projectId) => 0;
    }
}
