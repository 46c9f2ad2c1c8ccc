using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using IotAdmin.Commands.Completion;
using IotAdmin.Commands.Infrastructure;
using IotAdmin.Models;
using IotAdmin.Operations.Bulk;
using IotAdmin.Operations.Changes;
using IotAdmin.Operations.Export;
using IotAdmin.Sessions;

namespace IotAdmin.Commands
{
    /// <summary><para type="synopsis">Adds or changes labels on devices, in batches of up to 1000 devices per request.</para></summary>
    [Cmdlet(VerbsCommon.Set, "IotLabel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByObject)]
    [OutputType(typeof(IotDevice))]
    public sealed class SetIotLabelCommand : BulkDeviceCmdlet
    {
        private const string ByRow = "ByRow";

        private DeviceChange? _change;

        /// <summary>
        /// Labels to set: @{ zone = 'north'; floor = '3' }. Numbers and booleans become invariant text; a $null value is
        /// rejected (use Remove-IotLabel), and so are collections, objects and dates (Core's LabelValueText).
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = ByObject)]
        [Parameter(Mandatory = true, ParameterSetName = ById)]
        [ValidateNotNull]
        [LabelValues]
        [ArgumentCompleter(typeof(LabelKeyCompleter))]
        public Hashtable Label { get; set; } = new Hashtable();

        /// <summary>Rows from Import-Csv (or any objects): DeviceId (and ProjectId) columns, and label columns named by -LabelColumn.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByRow)]
        [ValidateNotNull]
        public PSObject? InputRow { get; set; }

        /// <summary>The columns that are labels (column name = label key); wildcards allowed, * = every column but ProjectId, DeviceId and Type.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByRow)]
        [ValidateNotNullOrEmpty]
        public string[] LabelColumn { get; set; } = new string[0];

        /// <summary>An empty cell removes the label of its column (without it, an empty cell changes nothing).</summary>
        [Parameter(ParameterSetName = ByRow)]
        public SwitchParameter RemoveEmpty { get; set; }

        private protected override bool UsesPlan => ParameterSetName == ByRow || base.UsesPlan;

        private protected override DeviceChange PipelineChange() => _change ??= new DeviceChange(LabelChangeRules.ToAddLabels(Label));

        private protected override BulkDeviceOperation CreateOperation(IotSession session, BulkOptions options) => new SetLabelOperation(session, Label, options);

        protected override void ProcessRecord()
        {
            if (ParameterSetName != ByRow)
            {
                base.ProcessRecord();
                return;
            }

            var row = InputRow!;
            var deviceId = row.Properties["DeviceId"]?.Value?.ToString();
            if (string.IsNullOrWhiteSpace(deviceId))
            {
                RejectRow(row, "The row has no DeviceId column (or it is empty).");
                return;
            }

            var cells = new List<KeyValuePair<string, object?>>();
            foreach (var pattern in LabelColumn)
            {
                if (!WildcardPattern.ContainsWildcardCharacters(pattern))
                {
                    var property = row.Properties[pattern];
                    if (property == null)
                    {
                        RejectRow(row, "The row of device '" + deviceId + "' has no column '" + pattern + "'.");
                        return;
                    }

                    cells.Add(new KeyValuePair<string, object?>(property.Name, property.Value));
                    continue;
                }

                var wildcard = new WildcardPattern(pattern, WildcardOptions.IgnoreCase);
                foreach (var property in row.Properties.Where(p => wildcard.IsMatch(p.Name) && !DeviceCsv.DeviceColumns.Contains(p.Name, System.StringComparer.OrdinalIgnoreCase)))
                    cells.Add(new KeyValuePair<string, object?>(property.Name, property.Value));
            }

            var change = RowChange.From(cells, RemoveEmpty, out var problem);
            if (problem != null)
            {
                RejectRow(row, "Device '" + deviceId + "': " + problem);
                return;
            }

            var device = DeviceRef.FromIds(row.Properties["ProjectId"]?.Value?.ToString(), deviceId!);
            AddPlanned(new PlannedDevice(device.ProjectId, device.DeviceId, change));
        }
    }
}
