using System.Management.Automation;
using IotAdmin.Models;
using IotAdmin.Operations.Admin;

namespace IotAdmin.Commands
{
    /// <summary><para type="synopsis">Gets the keys of a service account (never their secrets: the API shows a secret only once).</para></summary>
    [Cmdlet(VerbsCommon.Get, "IotServiceAccountKey")]
    [OutputType(typeof(IotServiceAccountKey))]
    public sealed class GetIotServiceAccountKeyCommand : ServiceAccountCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ServiceAccountId { get; set; } = string.Empty;

        /// <summary>Only these keys (default: all of the account).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? KeyId { get; set; }

        protected override void ProcessRecord() =>
            RunAdmin((call, stopping) => ServiceAccountKeyOperations.GetAsync(call, ProjectId, ServiceAccountId, KeyId, stopping));
    }
}
