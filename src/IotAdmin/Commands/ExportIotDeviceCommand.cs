using System.Management.Automation;
using IotAdmin.Commands.Infrastructure;
using IotAdmin.Models;
using IotAdmin.Operations.Export;

namespace IotAdmin.Commands
{
    /// <summary><para type="synopsis">Writes devices to a CSV file: one row per device, one column per label key, for editing and Set-IotLabel -LabelColumn.</para></summary>
    [Cmdlet(VerbsData.Export, "IotDevice")]
    [OutputType(typeof(System.IO.FileInfo))]
    public sealed class ExportIotDeviceCommand : IotCmdlet
    {
        private readonly DeviceCsv _csv = new DeviceCsv();

        /// <summary>The CSV file to write (replaced if it exists).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>Devices from Get-IotDevice.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        public IotDevice? InputObject { get; set; }

        protected override void ProcessRecord() => _csv.Add(InputObject!);

        protected override void EndProcessing()
        {
            var path = GetUnresolvedProviderPathFromPSPath(Path);
            _csv.Write(path);
            foreach (var key in _csv.ClashingKeys) WriteWarning("Label '" + key + "' has the name of a device column: it is not in the file.");
            WriteVerbose("Wrote " + _csv.Count + " devices to " + path + ".");
            WriteObject(new System.IO.FileInfo(path));
        }
    }
}
