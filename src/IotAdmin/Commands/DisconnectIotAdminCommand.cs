using System.Management.Automation;
using IotAdmin.Commands.Infrastructure;

namespace IotAdmin.Commands
{
    /// <summary>
    /// <para type="synopsis">Ends a session (default: the current one of this runspace).</para>
    /// Idempotent, like Disconnect-AzAccount and Disconnect-MgGraph: disconnecting twice, or when not connected, is no error.
    /// </summary>
    [Cmdlet(VerbsCommunications.Disconnect, "IotAdmin")]
    public sealed class DisconnectIotAdminCommand : IotSessionCmdlet
    {
        protected override void ProcessRecord()
        {
            var session = Session ?? CurrentSession.Get();
            if (session == null)
            {
                WriteVerbose("Not connected: nothing to disconnect.");
                return;
            }

            CurrentSession.Clear(session);
            if (session.IsDisposed)
            {
                WriteVerbose(session + " was already disconnected.");
                return;
            }

            session.Dispose();
            WriteVerbose("Disconnected " + session + ".");
        }
    }
}
