using System.Management.Automation;
using IotAdmin.Commands.Infrastructure;
using IotAdmin.Operations.Export;

namespace IotAdmin.Commands
{
    /// <summary><para type="synopsis">Writes the organization, its projects and every device (labels and latest reported state) to a fleet file the emulator can serve.</para></summary>
    [Cmdlet(VerbsData.Export, "IotFleet")]
    [OutputType(typeof(System.IO.FileInfo))]
    public sealed class ExportIotFleetCommand : IotSessionCmdlet
    {
        /// <summary>The fleet file to write (JSON; replaced if it exists).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        protected override void EndProcessing()
        {
            var session = ResolveSession();
            var path = GetUnresolvedProviderPathFromPSPath(Path);
            Run((output, stopping) => FleetExport.RunAsync(session, path, output, stopping));
            WriteObject(new System.IO.FileInfo(path));
        }
    }
}
