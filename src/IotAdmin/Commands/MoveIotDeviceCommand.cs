using System.Management.Automation;
using IotAdmin.Commands.Completion;
using IotAdmin.Models;
using IotAdmin.Operations.Bulk;
using IotAdmin.Operations.Changes;
using IotAdmin.Sessions;

namespace IotAdmin.Commands
{
    /// <summary><para type="synopsis">Moves devices to another project, in batches of up to 1000 devices per request.</para></summary>
    [Cmdlet(VerbsCommon.Move, "IotDevice", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByObject)]
    [OutputType(typeof(IotDevice))]
    public sealed class MoveIotDeviceCommand : BulkDeviceCmdlet
    {
        [Parameter(Mandatory = true)]
        [Alias("Destination")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        public string DestinationProjectId { get; set; } = string.Empty;

        private protected override DeviceChange PipelineChange() => new DeviceChange(moveTo: DestinationProjectId);

        private protected override BulkDeviceOperation CreateOperation(IotSession session, BulkOptions options) => new MoveDeviceOperation(session, DestinationProjectId, options);
    }
}
