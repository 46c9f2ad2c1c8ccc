using System.Management.Automation;
using IotAdmin.Models;
using IotAdmin.Operations;

namespace IotAdmin.Commands
{
    /// <summary>
    /// <para type="synopsis">Turns data connectors on (ACTIVE): pushing starts afresh, also after the service disabled them.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Enable, "IotDataConnector", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(IotDataConnector))]
    public sealed class EnableIotDataConnectorCommand : DataConnectorCmdlet
    {
        protected override void ProcessRecord()
        {
            var session = ResolveSession();
            var request = new DataConnectorRequest { ProjectId = ProjectId, Status = "ACTIVE" };
            Run((output, stopping) => DataConnectorOperation.UpdateAsync(session, request, DataConnectorId, "Set status ACTIVE", output, stopping));
        }
    }
}
