using System.Linq;
using System.Management.Automation;
using IotAdmin.Models;
using IotAdmin.Output;

namespace IotAdmin.Commands.Infrastructure
{
    /// <summary>Core's output sink on a real cmdlet. Called on the pipeline thread only (by <see cref="PipelinePump"/>).</summary>
    internal sealed class CmdletOutput : ICommandOutput
    {
        /// <summary>The tag Write-Host gives its records: the host shows them.</summary>
        private const string HostTag = "PSHOST";

        private readonly PSCmdlet _cmdlet;

        public CmdletOutput(PSCmdlet cmdlet) => _cmdlet = cmdlet;

        public void WriteObject(object item) => _cmdlet.WriteObject(item);

        public void WriteError(IotErrorInfo error) => _cmdlet.WriteError(ErrorRecords.From(error));

        public void WriteWarning(string message) => _cmdlet.WriteWarning(message);

        public void WriteProgress(IotProgress progress) => _cmdlet.WriteProgress(new ProgressRecord(progress.ActivityId, progress.Activity, progress.Status)
        {
            PercentComplete = progress.PercentComplete,
            SecondsRemaining = progress.SecondsRemaining,
            RecordType = progress.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
        });

        /// <summary>
        /// A bulk summary is also shown on the host in an interactive session: the PSHOST tag makes PowerShell display
        /// the record as Write-Host does (whatever $InformationPreference; 6&gt;$null or -InformationAction Ignore hide
        /// it), while it stays the same data, with the same tags, on the Information stream.
        /// </summary>
        public void WriteInformation(object data, string[] tags) =>
            _cmdlet.WriteInformation(data, data is IotBulkSummary && InteractiveSession.IsInteractive(_cmdlet) ? tags.Concat(new[] { HostTag }).ToArray() : tags);

        public bool ShouldProcess(string target, string action) => _cmdlet.ShouldProcess(target, action);

        public void Verbose(string message) => _cmdlet.WriteVerbose(message);

        public void Debug(string message) => _cmdlet.WriteDebug(message);
    }
}
