using System.Management.Automation;
using IotAdmin.Operations.Admin;

namespace IotAdmin.Commands
{
    /// <summary><para type="synopsis">Deletes a key of a service account (tokens already issued with it run until they expire).</para></summary>
    [Cmdlet(VerbsCommon.Remove, "IotServiceAccountKey", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    public sealed class RemoveIotServiceAccountKeyCommand : ServiceAccountCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ServiceAccountId { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string KeyId { get; set; } = string.Empty;

        protected override void ProcessRecord() =>
            RunAdmin((call, stopping) => ServiceAccountKeyOperations.RemoveAsync(call, ProjectId, ServiceAccountId, KeyId, stopping));
    }
}
