using System.Management.Automation;
using IotAdmin.Models;
using IotAdmin.Operations.Admin;

namespace IotAdmin.Commands
{
    /// <summary><para type="synopsis">Creates a service account in a project; it may do nothing until it is added as a member.</para></summary>
    [Cmdlet(VerbsCommon.New, "IotServiceAccount", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(IotServiceAccount))]
    public sealed class NewIotServiceAccountCommand : ServiceAccountCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? DisplayName { get; set; }

        /// <summary>Let the API accept the account's keys with HTTP Basic auth (IotAdmin itself always uses tokens).</summary>
        [Parameter]
        public SwitchParameter EnableBasicAuth { get; set; }

        protected override void ProcessRecord() =>
            RunAdmin((call, stopping) => ServiceAccountOperations.NewAsync(call, ProjectId, DisplayName, EnableBasicAuth, stopping));
    }
}
