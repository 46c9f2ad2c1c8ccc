using System;
using System.IO;
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

        protected override void StopProcessing() => _stopping?.Cancel();

        /// <summary>
        /// Runs Core work and forwards its output. Per-item failures arrive as non-terminating errors through the
        /// output; what escapes the work ends the command: authentication failures, bad input, a disconnected session.
        /// </summary>
        protected void Run(Func<ICommandOutput, CancellationToken, Task> work)
        {
            try
            {
                PipelinePump.Run(_output!, _stopping!.Token, work);
            }
            catch (IotApiException e)
            {
                ThrowTerminatingError(ErrorRecords.From(IotErrorInfo.FromApi(e)));
            }
            catch (ArgumentException e)
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument(e));
            }
            catch (FileNotFoundException e)
            {
                ThrowTerminatingError(ErrorRecords.FileNotFound(e));
            }
            catch (ObjectDisposedException)
            {
                ThrowTerminatingError(ErrorRecords.From(IotErrorInfo.NotConnected()));
            }
            catch (OperationCanceledException) when (_stopping!.IsCancellationRequested)
            {
                // Stopped by the user: PowerShell ends the pipeline itself.
            }
        }
    }
}
