namespace IotAdmin.Emulator.Store;

/// <summary>
/// The hook between projects and data connectors: deleting a project is refused while it has any. The connectors live
/// in Connectors/ConnectorStore.cs; EventServices sets <see cref="DataConnectorCounter"/> when it is made.
/// </summary>
internal sealed partial class FleetStore
{
    /// <summary>A project's data connector count (ConnectorStore.Count); none until set.</summary>
    internal Func<string, int>? DataConnectorCounter { get; set; }

    internal readonly partial struct StoreView
    {
        public int DataConnectorCount(string projectId) => _s.DataConnectorCounter?.Invoke(projectId) ?? 0;
    }
}
