using System.Collections;
using System.Management.Automation;
using IotAdmin.Models;
using IotAdmin.Operations.Onboarding;
using IotAdmin.Sessions;

namespace IotAdmin.Commands
{
    /// <summary><para type="synopsis">Publishes an event as emulated devices (DT's emulator API): -Temperature, -Touch, -ObjectPresent, … or -EventType with -Data.</para></summary>
    [Cmdlet(VerbsCommunications.Send, "IotEmulatedEvent", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = ByObject)]
    [OutputType(typeof(IotDevice))]
    public sealed class SendIotEmulatedEventCommand : EmulatedDevicePipelineCmdlet
    {
        /// <summary>°C: a temperature event (a humidity event on a humidity device, with -RelativeHumidity).</summary>
        [Parameter]
        public double? Temperature { get; set; }

        /// <summary>%: a humidity event (with -Temperature).</summary>
        [Parameter]
        [ValidateRange(0.0, 100.0)]
        public double? RelativeHumidity { get; set; }

        /// <summary>A touch event.</summary>
        [Parameter]
        public SwitchParameter Touch { get; set; }

        /// <summary>An objectPresent event: PRESENT, or NOT_PRESENT with -ObjectPresent:$false.</summary>
        [Parameter]
        public SwitchParameter ObjectPresent { get; set; }

        /// <summary>A co2 event: parts per million.</summary>
        [Parameter]
        [ValidateRange(0, 100000)]
        public int? Co2 { get; set; }

        /// <summary>Any other event type (with -Data): waterPresent, motion, contact, …</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? EventType { get; set; }

        /// <summary>The event's fields for -EventType: @{ state = 'PRESENT' }.</summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? Data { get; set; }

        /// <summary>The device's type when it comes by property name (for -Temperature on a humidity device).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ById)]
        [Alias("Type")]
        public string? DeviceType { get; set; }

        /// <summary>Write each device on after its event (pipe to Get-IotDevice to read what it reports).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private protected override string? TypeOf(IotDevice? device) => device?.Type ?? DeviceType;

        private protected override EmulatedDeviceOperation CreateOperation(IotSession session) => EmulatedDeviceOperation.Send(
            session,
            EmulatorEndpoint,
            new EmulatedEvent
            {
                Temperature = Temperature,
                RelativeHumidity = RelativeHumidity,
                Touch = Touch.IsPresent,
                ObjectPresent = MyInvocation.BoundParameters.ContainsKey(nameof(ObjectPresent)) ? ObjectPresent.IsPresent : (bool?)null,
                Co2 = Co2,
                EventType = EventType,
                Data = Data,
            },
            PassThru);
    }
}
