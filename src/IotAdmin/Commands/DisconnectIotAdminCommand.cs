using System.Management.Automation;
using IotAdmin.Commands.Infrastructure;

namespace IotAdmin.Commands
{
    /// <summary><para type="synopsis">Ends a session (default: the current one of this runspace).</para></summary>
    [Cmdlet(VerbsCommunications.Disconnect, "IotAdmin")]
    public sealed class DisconnectIotAdminCommand : IotSessionCmdlet
    {
        protected override void ProcessRecord()
        {
            var session = ResolveSession();
            CurrentSession.Clear(session);
            session.Dispose();
            WriteVerbose("Disconnected " + session + ".");
        }
    }
}
