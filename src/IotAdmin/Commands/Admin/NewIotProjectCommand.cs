using System.Management.Automation;
using IotAdmin.Models;
using IotAdmin.Operations.Admin;

namespace IotAdmin.Commands
{
    /// <summary><para type="synopsis">Creates a project in the organization, with an optional location and time zone.</para></summary>
    [Cmdlet(VerbsCommon.New, "IotProject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(IotProject))]
    public sealed class NewIotProjectCommand : AdministrationCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [ValidateNotNullOrEmpty]
        public string DisplayName { get; set; } = string.Empty;

        /// <summary>Default: the account's organization when it sees exactly one.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? OrganizationId { get; set; }

        /// <summary>An IANA time zone, e.g. Europe/Oslo.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? TimeZone { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateRange(-90.0, 90.0)]
        public double? Latitude { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateRange(-180.0, 180.0)]
        public double? Longitude { get; set; }

        private protected override string Administers => "projects";

        protected override void ProcessRecord()
        {
            var change = new ProjectChange { DisplayName = DisplayName, TimeZone = TimeZone, Latitude = Latitude, Longitude = Longitude };
            RunAdmin((call, stopping) => ProjectAdminOperations.NewAsync(call, OrganizationId, change, stopping));
        }
    }
}
