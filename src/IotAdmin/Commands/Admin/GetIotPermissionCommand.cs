using System.Management.Automation;
using IotAdmin.Commands.Completion;
using IotAdmin.Models;
using IotAdmin.Operations.Admin;

namespace IotAdmin.Commands
{
    /// <summary><para type="synopsis">Gets what the connected service account may do in projects or in the organization.</para></summary>
    [Cmdlet(VerbsCommon.Get, "IotPermission", DefaultParameterSetName = OrganizationSet)]
    [OutputType(typeof(IotPermission))]
    public sealed class GetIotPermissionCommand : AdministrationCmdlet
    {
        private const string ProjectSet = "Project";
        private const string OrganizationSet = "Organization";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ProjectSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        public string[] ProjectId { get; set; } = new string[0];

        /// <summary>Default: the account's organization when it sees exactly one.</summary>
        [Parameter(ParameterSetName = OrganizationSet)]
        [ValidateNotNullOrEmpty]
        public string? OrganizationId { get; set; }

        private protected override string Administers => "permissions";

        protected override void ProcessRecord() =>
            RunAdmin((call, stopping) => OrganizationOperations.GetPermissionsAsync(call, ParameterSetName == ProjectSet ? ProjectId : null, OrganizationId, stopping));
    }
}
