using IotAdmin.Http;

namespace IotAdmin.Output
{
    /// <summary>
    /// Everything a command emits, without PowerShell: the cmdlet layer forwards each call to the matching
    /// Cmdlet.Write*/ShouldProcess, and tests record them. Operations call it from any thread; the cmdlet side
    /// sees the calls only on the pipeline thread (<see cref="PipelinePump"/>).
    /// </summary>
    internal interface ICommandOutput : IApiLog
    {
        void WriteObject(object item);

        /// <summary>A non-terminating error: the command goes on with the next item.</summary>
        void WriteError(IotErrorInfo error);

        void WriteWarning(string message);

        void WriteProgress(IotProgress progress);

        /// <summary>The Information stream (summaries a runbook log keeps).</summary>
        void WriteInformation(object data, string[] tags);

        /// <summary>-WhatIf / -Confirm: true when the change may go ahead.</summary>
        bool ShouldProcess(string target, string action);
    }
}
