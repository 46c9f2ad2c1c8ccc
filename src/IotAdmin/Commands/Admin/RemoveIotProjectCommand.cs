using System.Management.Automation;
using IotAdmin.Commands.Completion;
using IotAdmin.Operations.Admin;

namespace IotAdmin.Commands
{
    /// <summary><para type="synopsis">Deletes an empty project (the API refuses while devices, data connectors or service accounts remain).</para></summary>
    [Cmdlet(VerbsCommon.Remove, "IotProject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    public sealed class RemoveIotProjectCommand : AdministrationCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        public string ProjectId { get; set; } = string.Empty;

        private protected override string Administers => "projects";

        protected override void ProcessRecord() =>
            RunAdmin((call, stopping) => ProjectAdminOperations.RemoveAsync(call, ProjectId, stopping));
    }
}
