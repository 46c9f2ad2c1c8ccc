using System.Management.Automation;
using IotAdmin.Commands.Infrastructure;
using IotAdmin.Models;
using IotAdmin.Operations.Onboarding;

namespace IotAdmin.Commands
{
    /// <summary><para type="synopsis">Gets what a kit or device id stands for before it is claimed: KIT or DEVICE, counts, each device's state.</para></summary>
    [Cmdlet(VerbsCommon.Get, "IotClaimInfo")]
    [OutputType(typeof(IotClaimInfo))]
    public sealed class GetIotClaimInfoCommand : IotSessionCmdlet
    {
        /// <summary>Kit ids (printed on the box) or device ids (on the sensor's label).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("KitId", "DeviceId", "Id")]
        [PlainId]
        [ValidateNotNullOrEmpty]
        public string[] Identifier { get; set; } = new string[0];

        protected override void ProcessRecord()
        {
            var session = ResolveSession();
            var ids = Identifier;
            Run((output, stopping) => GetClaimInfoOperation.RunAsync(session, ids, output, stopping));
        }
    }
}
