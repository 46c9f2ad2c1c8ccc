using System.Management.Automation;
using IotAdmin.Models;
using IotAdmin.Operations.Admin;

namespace IotAdmin.Commands
{
    /// <summary><para type="synopsis">Gets the organizations the service account can see, or those named.</para></summary>
    [Cmdlet(VerbsCommon.Get, "IotOrganization")]
    [OutputType(typeof(IotOrganization))]
    public sealed class GetIotOrganizationCommand : AdministrationCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? OrganizationId { get; set; }

        private protected override string Administers => "organizations";

        protected override void ProcessRecord() =>
            RunAdmin((call, stopping) => OrganizationOperations.GetOrganizationsAsync(call, OrganizationId, stopping));
    }
}
