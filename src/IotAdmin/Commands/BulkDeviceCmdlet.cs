using System.Management.Automation;
using IotAdmin.Commands.Completion;
using IotAdmin.Commands.Infrastructure;
using IotAdmin.Models;
using IotAdmin.Operations.Bulk;
using IotAdmin.Sessions;

namespace IotAdmin.Commands
{
    /// <summary>
    /// The shape of Set-IotLabel, Remove-IotLabel and Move-IotDevice: devices from the pipeline (objects from
    /// Get-IotDevice, or -ProjectId/-DeviceId by property name, or plain ids), batched by Core; -WhatIf/-Confirm per
    /// device, -BatchSize, -PassThru, and a summary on the Information stream.
    /// </summary>
    public abstract class BulkDeviceCmdlet : IotSessionCmdlet
    {
        protected const string ByObject = "ByObject";
        protected const string ById = "ById";

        private BulkDeviceOperation? _operation;

        /// <summary>Device objects from Get-IotDevice.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByObject)]
        [ValidateNotNull]
        public IotDevice? InputObject { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ById)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        public string? ProjectId { get; set; }

        /// <summary>Device ids, or names "projects/{p}/devices/{d}". [PlainId]: a piped object that is no device is never taken for an id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ById)]
        [Alias("Id")]
        [PlainId]
        [ValidateNotNullOrEmpty]
        public string[] DeviceId { get; set; } = new string[0];

        /// <summary>Devices per request (1–1000; default 1000).</summary>
        [Parameter]
        [ValidateRange(1, BulkOptions.MaxBatchSize)]
        public int BatchSize { get; set; } = BulkOptions.MaxBatchSize;

        /// <summary>Emit the changed devices.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private protected abstract BulkDeviceOperation CreateOperation(IotSession session, BulkOptions options);

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            var session = ResolveSession();
            var options = new BulkOptions { BatchSize = BatchSize, PassThru = PassThru, WhatIf = IsWhatIf };
            RunHere(output =>
            {
                _operation = CreateOperation(session, options); // checks the parameters before any request
                return null;
            });
        }

        /// <summary>Each device is checked, confirmed and queued right here; only a full batch or a lookup goes to the pump.</summary>
        protected override void ProcessRecord()
        {
            var operation = _operation;
            if (operation == null) return;
            if (InputObject != null)
            {
                var device = DeviceRef.FromDevice(InputObject);
                RunHere(output => operation.Add(device, output));
                return;
            }

            foreach (var id in DeviceId)
            {
                var device = DeviceRef.FromIds(ProjectId, id);
                RunHere(output => operation.Add(device, output));
            }
        }

        protected override void EndProcessing()
        {
            var operation = _operation;
            if (operation != null) Run((output, stopping) => operation.CompleteAsync(output, stopping));
        }
    }
}
