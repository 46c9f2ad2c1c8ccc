using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Output;

namespace IotAdmin.Commands.Infrastructure
{
    /// <summary>
    /// What every IotAdmin cmdlet shares: a CancellationTokenSource made in BeginProcessing and cancelled by
    /// StopProcessing (Ctrl+C, a stopped runbook), Core operations run through <see cref="PipelinePump"/> so that only
    /// the pipeline thread writes, and one mapping from Core's failures to terminating errors.
    /// </summary>
    public abstract class IotCmdlet : PSCmdlet, IDisposable
    {
        private CancellationTokenSource? _stopping;
        private CmdletOutput? _output;

        /// <summary>True when -WhatIf is in effect (the parameter or $WhatIfPreference).</summary>
        protected bool IsWhatIf =>
            MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIf) ? whatIf is SwitchParameter s && s.IsPresent : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));

        public void Dispose()
        {
            _stopping?.Dispose();
            GC.SuppressFinalize(this);
        }

        protected override void BeginProcessing()
        {
            _stopping = new CancellationTokenSource();
            _output = new CmdletOutput(this);
        }

        protected override void StopProcessing()
        {
            try
            {
                _stopping?.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Ctrl+C raced with the end of the command: nothing left to stop.
            }
        }

        /// <summary>True when the command's session has been disconnected (see <see cref="IotSessionCmdlet"/>).</summary>
        protected virtual bool IsSessionDisposed => false;

        /// <summary>
        /// Runs Core work and forwards its output. Per-item failures arrive as non-terminating errors through the
        /// output; what escapes the work ends the command when <see cref="TerminatingErrors"/> knows it
        /// (authentication failed, bad input, a disconnected session), and propagates as it is otherwise.
        /// </summary>
        private protected void Run(Func<ICommandOutput, CancellationToken, Task> work) =>
            Guard(() => PipelinePump.Run(_output!, _stopping!.Token, work));

        /// <summary>
        /// Runs Core work that needs no I/O directly on the pipeline thread (no pump, no thread hop), under the same
        /// error rules as <see cref="Run"/>; it may hand back I/O, which then runs through the pump.
        /// </summary>
        private protected void RunHere(Func<ICommandOutput, Func<ICommandOutput, CancellationToken, Task>?> work)
        {
            Func<ICommandOutput, CancellationToken, Task>? io = null;
            Guard(() => io = work(_output!));
            if (io != null) Run(io);
        }

        private void Guard(Action work)
        {
            try
            {
                work();
            }
            catch (OperationCanceledException) when (_stopping!.IsCancellationRequested)
            {
                // Stopped by the user: PowerShell ends the pipeline itself.
            }
            catch (Exception e) when (TerminatingErrors.For(e, IsSessionDisposed) is IotErrorInfo error)
            {
                ThrowTerminatingError(ErrorRecords.From(error, e));
            }
        }
    }
}
