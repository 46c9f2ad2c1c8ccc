using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using IotAdmin.Commands.Infrastructure;
using IotAdmin.Journal;
using IotAdmin.Models;
using IotAdmin.Operations.Bulk;
using IotAdmin.Operations.Changes;
using IotAdmin.Output;

namespace IotAdmin.Commands
{
    /// <summary><para type="synopsis">Takes back the changes a journal recorded: labels restored, removed labels re-added, moves reversed.</para></summary>
    [Cmdlet(VerbsCommon.Undo, "IotChange", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(IotDevice))]
    public sealed class UndoIotChangeCommand : IotSessionCmdlet
    {
        private readonly List<string> _paths = new List<string>();

        /// <summary>Journal files (from -JournalPath, or the per-user journal folder); several are undone as one change, newest state first.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Journal", "FullName")]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = new string[0];

        /// <summary>Only this run of a command (the "operation" of its journal lines): one entry of a journal that holds several.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Operation { get; set; }

        /// <summary>Where the undo itself is journaled (default: a new journal in the per-user journal folder).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? JournalPath { get; set; }

        /// <summary>Devices per request (1–1000; default 1000).</summary>
        [Parameter]
        [ValidateRange(1, BulkOptions.MaxBatchSize)]
        public int BatchSize { get; set; } = BulkOptions.MaxBatchSize;

        /// <summary>Emit the restored devices.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var path in Path)
            {
                var resolved = GetUnresolvedProviderPathFromPSPath(path);
                if (!System.IO.File.Exists(resolved))
                {
                    ThrowTerminatingError(ErrorRecords.From(IotErrorInfo.NotFound(ClientErrorIds.FileNotFound, "Journal '" + resolved + "' does not exist.", resolved, "Give a journal written with -JournalPath, or one of the per-user journal folder.")));
                }

                _paths.Add(resolved);
            }
        }

        protected override void EndProcessing()
        {
            var session = ResolveSession();
            IReadOnlyList<PlannedDevice> planned = new PlannedDevice[0];
            try
            {
                planned = UndoPlanner.Plan(_paths.SelectMany(JournalReader.Read), Operation);
            }
            catch (System.IO.InvalidDataException e)
            {
                ThrowTerminatingError(ErrorRecords.From(IotErrorInfo.InvalidInput(ClientErrorIds.InvalidArgument, e.Message, null, "Give a journal IotAdmin wrote (one JSON object per line).")));
            }

            if (planned.Count == 0) WriteWarning(Operation == null ? "The journal holds no change." : "The journal holds no change of operation '" + Operation + "'.");
            var options = new BulkOptions { BatchSize = BatchSize, PassThru = PassThru, WhatIf = IsWhatIf };
            using var journal = IsWhatIf ? null : ChangeJournal.Open(JournalPath == null ? null : GetUnresolvedProviderPathFromPSPath(JournalPath), session, MyInvocation.MyCommand.Name);
            var plan = new ChangePlanOperation(session, MyInvocation.MyCommand.Name, options, journal);
            RunHere(output =>
            {
                foreach (var device in planned) plan.Add(device, output);
                return null;
            });
            Run((output, stopping) => plan.CompleteAsync(output, stopping));
            if (journal != null) WriteVerbose("Journal of the undo: " + journal.Path + " (" + journal.Entries + " devices).");
        }
    }
}
