using System.Management.Automation;
using IotAdmin.Commands.Completion;
using IotAdmin.Commands.Infrastructure;
using IotAdmin.Models;
using IotAdmin.Operations.Bulk;
using IotAdmin.Operations.Onboarding;

namespace IotAdmin.Commands
{
    /// <summary><para type="synopsis">Claims kits and devices into a project, in the fewest claim calls; -WhatIf runs the server's dry run.</para></summary>
    [Cmdlet(VerbsLifecycle.Register, "IotDevice", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(IotClaimResult))]
    public sealed class RegisterIotDeviceCommand : IotSessionCmdlet
    {
        private ClaimOperation? _operation;

        /// <summary>The project to claim into.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        public string ProjectId { get; set; } = string.Empty;

        /// <summary>Kit ids (claimed whole). Empty values (a CSV row without a kit) are ignored.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [PlainId]
        [AllowEmptyString]
        [AllowNull]
        public string[]? KitId { get; set; }

        /// <summary>Device ids. Empty values (a CSV row without a device) are ignored.</summary>
        [Parameter(ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [PlainId]
        [AllowEmptyString]
        [AllowNull]
        public string[]? DeviceId { get; set; }

        /// <summary>Kits and devices per claim call (1–1000; default 1000).</summary>
        [Parameter]
        [ValidateRange(1, BulkOptions.MaxBatchSize)]
        public int BatchSize { get; set; } = BulkOptions.MaxBatchSize;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            var session = ResolveSession();
            RunHere(output =>
            {
                _operation = new ClaimOperation(session, ProjectId, BatchSize, IsWhatIf); // checks the parameters before any request
                return null;
            });
        }

        /// <summary>Each id is checked, confirmed and queued here; only a full batch goes to the pump.</summary>
        protected override void ProcessRecord()
        {
            var operation = _operation;
            if (operation == null) return;
            var any = false;
            foreach (var id in KitId ?? new string[0])
            {
                if (string.IsNullOrWhiteSpace(id)) continue;
                any = true;
                RunHere(output => operation.Add(ClaimItem.Kit(id.Trim()), output));
            }

            foreach (var id in DeviceId ?? new string[0])
            {
                if (string.IsNullOrWhiteSpace(id)) continue;
                any = true;
                RunHere(output => operation.Add(ClaimItem.Device(id.Trim()), output));
            }

            if (!any) WriteVerbose("An input without -KitId or -DeviceId was skipped.");
        }

        protected override void EndProcessing()
        {
            var operation = _operation;
            if (operation != null) Run((output, stopping) => operation.CompleteAsync(output, stopping));
        }
    }
}
