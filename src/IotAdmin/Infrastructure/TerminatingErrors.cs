using System;
using System.IO;
using IotAdmin.Output;
using IotAdmin.Sessions;

namespace IotAdmin.Commands.Infrastructure
{
    /// <summary>
    /// Which exceptions thrown out of a Core operation end the command, and as which error (see <see cref="IotCmdlet"/>).
    /// Per-item failures never get here: operations report those through the output as non-terminating errors.
    /// Free of ErrorRecord, so it is unit-tested without a PowerShell runtime.
    /// </summary>
    internal static class TerminatingErrors
    {
        /// <param name="exception">What the operation threw.</param>
        /// <param name="sessionDisposed">The command's session has been disconnected (perhaps from another runspace while it ran).</param>
        /// <returns>The error to end the command with; null when the exception is not ours to map and propagates as it is.</returns>
        public static IotErrorInfo? For(Exception exception, bool sessionDisposed) => exception switch
        {
            // Authentication failed, or a failure that belongs to no single item.
            IotApiException api => IotErrorInfo.FromApi(api),
            // Bad input, found before any request was sent.
            ArgumentException argument => InvalidArgument(argument),
            FileNotFoundException file => IotErrorInfo.NotFound(ClientErrorIds.FileNotFound, file.Message, file.FileName, "Check the path and run the command again."),
            ObjectDisposedException disposed when sessionDisposed || disposed.ObjectName == nameof(IotSession) => IotErrorInfo.SessionDisconnected(),
            _ => null,
        };

        public static IotErrorInfo InvalidArgument(ArgumentException e) =>
            IotErrorInfo.InvalidInput(
                ClientErrorIds.InvalidArgument,
                WithoutParameterSuffix(e),
                e.ParamName,
                e.ParamName == null ? "Fix the value and run the command again." : "Fix the value of -" + e.ParamName + " and run the command again.");

        /// <summary>ArgumentException.Message appends the parameter name (" (Parameter 'x')" on .NET, a new line on .NET Framework); ErrorDetails names it already.</summary>
        private static string WithoutParameterSuffix(ArgumentException e)
        {
            var message = e.Message;
            var i = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
            if (i < 0) i = message.IndexOf(Environment.NewLine + "Parameter name:", StringComparison.Ordinal);
            return i > 0 ? message.Substring(0, i) : message;
        }
    }
}
