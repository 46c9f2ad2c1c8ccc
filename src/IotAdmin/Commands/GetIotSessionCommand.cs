using System.Management.Automation;
using IotAdmin.Commands.Infrastructure;
using IotAdmin.Sessions;

namespace IotAdmin.Commands
{
    /// <summary><para type="synopsis">Gets this runspace's current session (nothing when not connected).</para></summary>
    [Cmdlet(VerbsCommon.Get, "IotSession")]
    [OutputType(typeof(IotSession))]
    public sealed class GetIotSessionCommand : IotSessionCmdlet
    {
        protected override void ProcessRecord()
        {
            var session = Session ?? CurrentSession.Get();
            if (session != null) WriteObject(session);
        }
    }
}
