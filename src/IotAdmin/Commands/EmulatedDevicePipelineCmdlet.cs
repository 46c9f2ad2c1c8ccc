using System.Management.Automation;
using IotAdmin.Commands.Completion;
using IotAdmin.Commands.Infrastructure;
using IotAdmin.Models;
using IotAdmin.Operations.Onboarding;

namespace IotAdmin.Commands
{
    /// <summary>
    /// The shape of Remove-IotEmulatedDevice and Send-IotEmulatedEvent: devices from New-IotEmulatedDevice or
    /// Get-IotDevice (or -ProjectId/-DeviceId by property name), one call each, confirmed per device, a summary at the end.
    /// </summary>
    public abstract class EmulatedDevicePipelineCmdlet : EmulatorCmdlet
    {
        protected const string ByObject = "ByObject";
        protected const string ById = "ById";

        private EmulatedDeviceOperation? _operation;

        /// <summary>Device objects from New-IotEmulatedDevice or Get-IotDevice.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByObject)]
        [ValidateNotNull]
        public IotDevice? InputObject { get; set; }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ById)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        public string? ProjectId { get; set; }

        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ById)]
        [Alias("Id")]
        [PlainId]
        [ValidateNotNullOrEmpty]
        public string[] DeviceId { get; set; } = new string[0];

        private protected abstract EmulatedDeviceOperation CreateOperation(Sessions.IotSession session);

        /// <summary>The device's type when the input names it (the event data may depend on it).</summary>
        private protected virtual string? TypeOf(IotDevice? device) => device?.Type;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            var session = ResolveSession();
            RunHere(output =>
            {
                _operation = CreateOperation(session); // checks the parameters before any request
                return null;
            });
        }

        protected override void ProcessRecord()
        {
            var operation = _operation;
            if (operation == null) return;
            if (InputObject != null)
            {
                Process(operation, new EmulatedDeviceRef(InputObject.ProjectId, InputObject.DeviceId, TypeOf(InputObject), InputObject));
                return;
            }

            foreach (var id in DeviceId) Process(operation, new EmulatedDeviceRef(ProjectId!, id, TypeOf(null), null));
        }

        protected override void EndProcessing()
        {
            var operation = _operation;
            if (operation != null) RunHere(output => { operation.Complete(output); return null; });
        }

        private void Process(EmulatedDeviceOperation operation, EmulatedDeviceRef device)
        {
            var ok = false;
            RunHere(output => { ok = operation.Check(device, output); return null; });
            if (!ok) return;
            if (!ShouldProcess(device.DeviceId, operation.ActionFor(device)))
            {
                if (IsWhatIf) operation.WhatIf();
                else operation.Skip();
                return;
            }

            Run((output, stopping) => operation.RunAsync(device, output, stopping));
        }
    }
}
