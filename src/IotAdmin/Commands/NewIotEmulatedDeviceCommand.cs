using System.Collections;
using System.Management.Automation;
using IotAdmin.Commands.Completion;
using IotAdmin.Models;
using IotAdmin.Operations.Onboarding;

namespace IotAdmin.Commands
{
    /// <summary><para type="synopsis">Creates emulated devices (DT's emulator API) in a project: one, or -Count of them.</para></summary>
    [Cmdlet(VerbsCommon.New, "IotEmulatedDevice", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(IotDevice))]
    public sealed class NewIotEmulatedDeviceCommand : EmulatorCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        public string ProjectId { get; set; } = string.Empty;

        /// <summary>temperature, touch, proximity, humidity, … (tab completion lists them).</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(EmulatedDeviceTypeCompleter))]
        public string Type { get; set; } = string.Empty;

        /// <summary>The display name (label "name"); with -Count, numbered " 1" … " N".</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? DisplayName { get; set; }

        /// <summary>Labels to give each device: @{ zone = 'test' }.</summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? Label { get; set; }

        /// <summary>How many devices (1–1000; default 1).</summary>
        [Parameter]
        [ValidateRange(1, NewEmulatedDeviceOperation.MaxCount)]
        public int Count { get; set; } = 1;

        protected override void ProcessRecord()
        {
            var session = ResolveSession();
            if (!ShouldProcess("project " + ProjectId, "Create " + Count + " emulated " + Type + " device(s)")) return;
            Run((output, stopping) => NewEmulatedDeviceOperation.RunAsync(session, EmulatorEndpoint, ProjectId, Type, DisplayName, Label, Count, output, stopping));
        }
    }
}
