using System.Management.Automation;
using IotAdmin.Commands.Completion;
using IotAdmin.Models;
using IotAdmin.Operations.Admin;

namespace IotAdmin.Commands
{
    /// <summary><para type="synopsis">Gets the roles a member can have and the permissions each grants.</para></summary>
    [Cmdlet(VerbsCommon.Get, "IotRole")]
    [OutputType(typeof(IotRole))]
    public sealed class GetIotRoleCommand : AdministrationCmdlet
    {
        /// <summary>project.user, project.developer, project.admin or organization.admin; default: all four.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(RoleCompleter))]
        public string[]? Role { get; set; }

        private protected override string Administers => "roles";

        protected override void ProcessRecord() =>
            RunAdmin((call, stopping) => OrganizationOperations.GetRolesAsync(call, Role, stopping));
    }
}
