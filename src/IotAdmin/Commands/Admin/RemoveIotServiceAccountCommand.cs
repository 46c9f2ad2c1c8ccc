using System.Management.Automation;
using IotAdmin.Operations.Admin;

namespace IotAdmin.Commands
{
    /// <summary><para type="synopsis">Deletes a service account with its keys and memberships.</para></summary>
    [Cmdlet(VerbsCommon.Remove, "IotServiceAccount", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    public sealed class RemoveIotServiceAccountCommand : ServiceAccountCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ServiceAccountId { get; set; } = string.Empty;

        protected override void ProcessRecord() =>
            RunAdmin((call, stopping) => ServiceAccountOperations.RemoveAsync(call, ProjectId, ServiceAccountId, stopping));
    }
}
