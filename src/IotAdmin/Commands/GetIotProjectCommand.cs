using System.Management.Automation;
using IotAdmin.Commands.Completion;
using IotAdmin.Commands.Infrastructure;
using IotAdmin.Models;
using IotAdmin.Operations;

namespace IotAdmin.Commands
{
    /// <summary><para type="synopsis">Gets projects: by id, or all the service account can see (filtered by organization or name).</para></summary>
    [Cmdlet(VerbsCommon.Get, "IotProject", DefaultParameterSetName = "List")]
    [OutputType(typeof(IotProject))]
    public sealed class GetIotProjectCommand : IotSessionCmdlet
    {
        [Parameter(Position = 0, ParameterSetName = "ById", Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        public string[] ProjectId { get; set; } = new string[0];

        [Parameter(ParameterSetName = "List")]
        [ValidateNotNullOrEmpty]
        public string? OrganizationId { get; set; }

        /// <summary>Keyword search over project and organization display names.</summary>
        [Parameter(ParameterSetName = "List")]
        [ValidateNotNullOrEmpty]
        public string? Query { get; set; }

        protected override void ProcessRecord()
        {
            var session = ResolveSession();
            var ids = ParameterSetName == "ById" ? ProjectId : null;
            Run((output, stopping) => GetProjectOperation.RunAsync(session, ids, OrganizationId, Query, output, stopping));
        }
    }
}
