using System.Management.Automation;
using IotAdmin.Commands.Completion;
using IotAdmin.Models;
using IotAdmin.Operations.Bulk;
using IotAdmin.Operations.Changes;
using IotAdmin.Sessions;

namespace IotAdmin.Commands
{
    /// <summary><para type="synopsis">Removes labels from devices, in batches of up to 1000 devices per request.</para></summary>
    [Cmdlet(VerbsCommon.Remove, "IotLabel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByObject)]
    [OutputType(typeof(IotDevice))]
    public sealed class RemoveIotLabelCommand : BulkDeviceCmdlet
    {
        /// <summary>The label names (keys) to remove.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(LabelKeyCompleter))]
        public string[] Name { get; set; } = new string[0];

        private DeviceChange? _change;

        private protected override DeviceChange PipelineChange() => _change ??= new DeviceChange(remove: LabelChangeRules.ToRemoveNames(Name));

        private protected override BulkDeviceOperation CreateOperation(IotSession session, BulkOptions options) => new RemoveLabelOperation(session, Name, options);
    }
}
