using System.Collections;
using IotAdmin.Commands.Infrastructure;
using IotAdmin.Sessions;

namespace IotAdmin.Commands.Completion
{
    /// <summary>The session a completer consults: -Session if already typed, else the runspace's current one.</summary>
    internal static class CompleterSession
    {
        public static IotSession? Find(IDictionary fakeBoundParameters)
        {
            if (fakeBoundParameters != null && fakeBoundParameters.Contains("Session"))
            {
                var value = fakeBoundParameters["Session"];
                if (value is System.Management.Automation.PSObject wrapped) value = wrapped.BaseObject;
                if (value is IotSession given && !given.IsDisposed) return given;
            }

            return CurrentSession.Get();
        }

        /// <summary>Quotes a completion text when PowerShell would otherwise split it.</summary>
        public static string Quote(string text) =>
            text.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', ';', '(', ')', '{', '}', '@', '#', ',' }) < 0 ? text : "'" + text.Replace("'", "''") + "'";
    }
}
