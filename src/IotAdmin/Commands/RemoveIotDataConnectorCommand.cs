using System.Management.Automation;
using IotAdmin.Operations;

namespace IotAdmin.Commands
{
    /// <summary>
    /// <para type="synopsis">Deletes data connectors: the events of the project are no longer pushed to them.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "IotDataConnector", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    public sealed class RemoveIotDataConnectorCommand : DataConnectorCmdlet
    {
        protected override void ProcessRecord()
        {
            var session = ResolveSession();
            Run((output, stopping) => DataConnectorOperation.RemoveAsync(session, ProjectId, DataConnectorId, output, stopping));
        }
    }
}
