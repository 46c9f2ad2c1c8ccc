using System.Management.Automation;
using IotAdmin.Commands.Completion;
using IotAdmin.Commands.Infrastructure;
using IotAdmin.Journal;
using IotAdmin.Models;
using IotAdmin.Operations.Bulk;
using IotAdmin.Operations.Changes;
using IotAdmin.Sessions;

namespace IotAdmin.Commands
{
    /// <summary>
    /// The shape of Set-IotLabel, Remove-IotLabel and Move-IotDevice: devices from the pipeline (objects from
    /// Get-IotDevice, or -ProjectId/-DeviceId by property name, or plain ids), batched by Core; -WhatIf/-Confirm per
    /// device, -BatchSize, -PassThru, and a summary on the Information stream. With -JournalPath or -Journal (or
    /// per-row input, see Set-IotLabel -LabelColumn) the devices go through Core's change plan instead: current state
    /// read first, devices already as wanted skipped, each change journaled before/after.
    /// </summary>
    public abstract class BulkDeviceCmdlet : IotSessionCmdlet
    {
        protected const string ByObject = "ByObject";
        protected const string ById = "ById";

        private BulkDeviceOperation? _operation;
        private ChangePlanOperation? _plan;
        private ChangeJournal? _journal;

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

        /// <summary>Records every changed device (labels and project before and after) in this journal file (JSON lines, appended).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? JournalPath { get; set; }

        /// <summary>Records the change in a new journal in the per-user journal folder.</summary>
        [Parameter]
        public SwitchParameter Journal { get; set; }

        private protected abstract BulkDeviceOperation CreateOperation(IotSession session, BulkOptions options);

        /// <summary>The change the parameters ask of every device (for the change plan).</summary>
        private protected abstract DeviceChange PipelineChange();

        /// <summary>True when the devices go through the change plan (journaled, or per-row changes).</summary>
        private protected virtual bool UsesPlan => Journal.IsPresent || JournalPath != null;

        /// <summary>Queues a device with its own change (per-row input); no I/O.</summary>
        private protected void AddPlanned(PlannedDevice device) => RunHere(output =>
        {
            _plan!.Add(device, output);
            return null;
        });

        /// <summary>Reports an input row that cannot become a change, and goes on.</summary>
        private protected void RejectRow(object row, string problem) => RunHere(output =>
        {
            _plan!.Reject(row, problem, output);
            return null;
        });

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            var session = ResolveSession();
            var options = new BulkOptions { BatchSize = BatchSize, PassThru = PassThru, WhatIf = IsWhatIf };
            RunHere(output =>
            {
                // Both check the parameters before any request.
                if (UsesPlan)
                {
                    if (ParameterSetName == ByObject || ParameterSetName == ById) PipelineChange(); // checks -Label / -Name now
                    if ((Journal.IsPresent || JournalPath != null) && !IsWhatIf) _journal = ChangeJournal.Open(JournalPath == null ? null : GetUnresolvedProviderPathFromPSPath(JournalPath), session, MyInvocation.MyCommand.Name);
                    _plan = new ChangePlanOperation(session, MyInvocation.MyCommand.Name, options, _journal);
                }
                else
                {
                    _operation = CreateOperation(session, options);
                }

                return null;
            });
        }

        /// <summary>Each device is checked, confirmed and queued right here; only a full batch or a lookup goes to the pump.</summary>
        protected override void ProcessRecord()
        {
            if (_plan != null)
            {
                if (InputObject != null) AddPlanned(new PlannedDevice(InputObject.ProjectId, InputObject.DeviceId, PipelineChange()));
                foreach (var id in InputObject == null ? DeviceId : new string[0])
                {
                    var named = DeviceRef.FromIds(ProjectId, id);
                    AddPlanned(new PlannedDevice(named.ProjectId, named.DeviceId, PipelineChange()));
                }

                return;
            }

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
            var plan = _plan;
            if (plan != null)
            {
                try
                {
                    Run((output, stopping) => plan.CompleteAsync(output, stopping));
                }
                finally
                {
                    CloseJournal();
                }
            }

            var operation = _operation;
            if (operation != null) Run((output, stopping) => operation.CompleteAsync(output, stopping));
        }

        private void CloseJournal()
        {
            if (_journal == null) return;
            WriteVerbose("Journal: " + _journal.Path + " (" + _journal.Entries + " devices). Undo-IotChange -Path '" + _journal.Path + "' takes the change back.");
            _journal.Dispose();
            _journal = null;
        }
    }
}
