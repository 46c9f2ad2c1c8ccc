using System.Collections;
using System.Management.Automation;
using IotAdmin.Commands.Completion;
using IotAdmin.Commands.Infrastructure;
using IotAdmin.Models;
using IotAdmin.Operations.Bulk;
using IotAdmin.Sessions;

namespace IotAdmin.Commands
{
    /// <summary><para type="synopsis">Adds or changes labels on devices, in batches of up to 1000 devices per request.</para></summary>
    [Cmdlet(VerbsCommon.Set, "IotLabel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByObject)]
    [OutputType(typeof(IotDevice))]
    public sealed class SetIotLabelCommand : BulkDeviceCmdlet
    {
        /// <summary>
        /// Labels to set: @{ zone = 'north'; floor = '3' }. Numbers and booleans become invariant text; a $null value is
        /// rejected (use Remove-IotLabel), and so are collections, objects and dates (Core's LabelValueText).
        /// </summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNull]
        [LabelValues]
        [ArgumentCompleter(typeof(LabelKeyCompleter))]
        public Hashtable Label { get; set; } = new Hashtable();

        private protected override BulkDeviceOperation CreateOperation(IotSession session, BulkOptions options) => new SetLabelOperation(session, Label, options);
    }
}
