using System.Management.Automation;
using IotAdmin.Models;
using IotAdmin.Operations;

namespace IotAdmin.Commands
{
    /// <summary>
    /// <para type="synopsis">Turns data connectors off (USER_DISABLED): events meanwhile are never pushed later.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Disable, "IotDataConnector", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(IotDataConnector))]
    public sealed class DisableIotDataConnectorCommand : DataConnectorCmdlet
    {
        protected override void ProcessRecord()
        {
            var session = ResolveSession();
            var request = new DataConnectorRequest { ProjectId = ProjectId, Status = "USER_DISABLED" };
            Run((output, stopping) => DataConnectorOperation.UpdateAsync(session, request, DataConnectorId, "Set status USER_DISABLED", output, stopping));
        }
    }
}
