using System.Management.Automation;
using IotAdmin.Models;
using IotAdmin.Operations.Admin;

namespace IotAdmin.Commands
{
    /// <summary><para type="synopsis">Changes a service account's display name or whether it accepts HTTP Basic auth.</para></summary>
    [Cmdlet(VerbsCommon.Set, "IotServiceAccount", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(IotServiceAccount))]
    public sealed class SetIotServiceAccountCommand : ServiceAccountCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ServiceAccountId { get; set; } = string.Empty;

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? DisplayName { get; set; }

        /// <summary>$true or $false: whether the API accepts the account's keys with HTTP Basic auth.</summary>
        [Parameter]
        public bool EnableBasicAuth { get; set; }

        /// <summary>Emit the account as it is after the change.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var basicAuth = Bound(nameof(EnableBasicAuth)) ? EnableBasicAuth : (bool?)null;
            RunAdmin((call, stopping) => ServiceAccountOperations.SetAsync(call, ProjectId, ServiceAccountId, DisplayName, basicAuth, PassThru, stopping));
        }
    }
}
