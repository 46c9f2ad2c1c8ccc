using System.Management.Automation;
using IotAdmin.Models;
using IotAdmin.Operations.Admin;

namespace IotAdmin.Commands
{
    /// <summary><para type="synopsis">Gets the service accounts of a project.</para></summary>
    [Cmdlet(VerbsCommon.Get, "IotServiceAccount")]
    [OutputType(typeof(IotServiceAccount))]
    public sealed class GetIotServiceAccountCommand : ServiceAccountCmdlet
    {
        /// <summary>Only these accounts (default: all of the project).</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string[]? ServiceAccountId { get; set; }

        protected override void ProcessRecord() =>
            RunAdmin((call, stopping) => ServiceAccountOperations.GetAsync(call, ProjectId, ServiceAccountId, stopping));
    }
}
