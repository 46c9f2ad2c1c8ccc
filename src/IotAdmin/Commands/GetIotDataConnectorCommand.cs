using System.Management.Automation;
using IotAdmin.Commands.Completion;
using IotAdmin.Commands.Infrastructure;
using IotAdmin.Models;
using IotAdmin.Operations;

namespace IotAdmin.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the data connectors of a project (all, or by id); the signature secret is never shown.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IotDataConnector")]
    [OutputType(typeof(IotDataConnector))]
    public sealed class GetIotDataConnectorCommand : IotSessionCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        public string ProjectId { get; set; } = string.Empty;

        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string[]? DataConnectorId { get; set; }

        protected override void ProcessRecord()
        {
            var session = ResolveSession();
            Run((output, stopping) => DataConnectorOperation.GetAsync(session, ProjectId, DataConnectorId, output, stopping));
        }
    }
}
