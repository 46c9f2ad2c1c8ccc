using System.Management.Automation;
using IotAdmin.Commands.Infrastructure;

namespace IotAdmin.Commands
{
    /// <summary>A cmdlet of DT's hosted emulator API: the session's account, the emulator API root derived from its endpoint or -EmulatorEndpoint.</summary>
    public abstract class EmulatorCmdlet : IotSessionCmdlet
    {
        /// <summary>The emulator API root; default: derived from the session's endpoint (api.… → emulator.…; else …/emulator/v2).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? EmulatorEndpoint { get; set; }
    }
}
