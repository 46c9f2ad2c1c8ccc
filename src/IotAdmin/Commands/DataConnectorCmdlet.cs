using System.Management.Automation;
using IotAdmin.Commands.Completion;
using IotAdmin.Commands.Infrastructure;

namespace IotAdmin.Commands
{
    /// <summary>A cmdlet about given data connectors of one project: -ProjectId and -DataConnectorId, by property name from Get-IotDataConnector.</summary>
    public abstract class DataConnectorCmdlet : IotSessionCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        public string ProjectId { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string[] DataConnectorId { get; set; } = System.Array.Empty<string>();
    }
}
