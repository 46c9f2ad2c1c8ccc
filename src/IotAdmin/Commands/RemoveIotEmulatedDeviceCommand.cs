using System.Management.Automation;
using IotAdmin.Operations.Onboarding;
using IotAdmin.Sessions;

namespace IotAdmin.Commands
{
    /// <summary><para type="synopsis">Deletes emulated devices (DT's emulator API).</para></summary>
    [Cmdlet(VerbsCommon.Remove, "IotEmulatedDevice", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByObject)]
    public sealed class RemoveIotEmulatedDeviceCommand : EmulatedDevicePipelineCmdlet
    {
        private protected override EmulatedDeviceOperation CreateOperation(IotSession session) => EmulatedDeviceOperation.Remove(session, EmulatorEndpoint);
    }
}
