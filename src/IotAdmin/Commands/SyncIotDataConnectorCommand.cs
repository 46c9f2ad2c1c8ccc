using System.Management.Automation;
using IotAdmin.Operations;

namespace IotAdmin.Commands
{
    /// <summary>
    /// <para type="synopsis">Makes data connectors re-push the latest event of each type of every device of the project.</para>
    /// </summary>
    [Cmdlet(VerbsData.Sync, "IotDataConnector", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    public sealed class SyncIotDataConnectorCommand : DataConnectorCmdlet
    {
        protected override void ProcessRecord()
        {
            var session = ResolveSession();
            Run((output, stopping) => DataConnectorOperation.SyncAsync(session, ProjectId, DataConnectorId, output, stopping));
        }
    }
}
