using System.Management.Automation;
using IotAdmin.Output;
using IotAdmin.Sessions;

namespace IotAdmin.Commands.Infrastructure
{
    /// <summary>A cmdlet that talks to the API: -Session, or this runspace's current session.</summary>
    public abstract class IotSessionCmdlet : IotCmdlet
    {
        /// <summary>The session to use (from Connect-IotAdmin -PassThru); default: this runspace's current session.</summary>
        [Parameter]
        [ValidateNotNull]
        public IotSession? Session { get; set; }

        private IotSession? _resolved;

        protected override bool IsSessionDisposed => _resolved?.IsDisposed == true;

        /// <summary>The session to use, or a terminating IotNotConnected error (saying which: none, or a disconnected -Session).</summary>
        protected IotSession ResolveSession()
        {
            if (Session != null && Session.IsDisposed) ThrowTerminatingError(ErrorRecords.From(IotErrorInfo.SessionDisconnected()));
            var session = Session ?? CurrentSession.Get();
            if (session == null || session.IsDisposed) ThrowTerminatingError(ErrorRecords.From(IotErrorInfo.NotConnected()));
            _resolved = session;
            return session!;
        }
    }
}
