using System.Management.Automation;
using IotAdmin.Output;

namespace IotAdmin.Commands.Infrastructure
{
    /// <summary>Core's output sink on a real cmdlet. Called on the pipeline thread only (by <see cref="PipelinePump"/>).</summary>
    internal sealed class CmdletOutput : ICommandOutput
    {
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

        public void WriteInformation(object data, string[] tags) => _cmdlet.WriteInformation(data, tags);

        public bool ShouldProcess(string target, string action) => _cmdlet.ShouldProcess(target, action);

        public void Verbose(string message) => _cmdlet.WriteVerbose(message);

        public void Debug(string message) => _cmdlet.WriteDebug(message);
    }
}
