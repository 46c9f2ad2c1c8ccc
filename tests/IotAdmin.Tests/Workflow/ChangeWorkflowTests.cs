using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Http;
using IotAdmin.Journal;
using IotAdmin.Models;
using IotAdmin.Operations.Bulk;
using IotAdmin.Operations.Changes;
using IotAdmin.Operations.Export;
using IotAdmin.Sessions;
using IotAdmin.Tests.Integration;
using IotAdmin.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace IotAdmin.Tests.Workflow
{
    /// <summary>Issue 18 end to end over the emulator: per-row changes from a spreadsheet, the CSV round trip, journal and undo.</summary>
    [Collection("bulk")]
    public sealed class ChangeWorkflowTests : IDisposable
    {
        private const string BatchUpdate = "POST /v2/projects/{p}/devices:batchUpdate";
        private readonly ITestOutputHelper _log;
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "iotadmin-workflow-" + Guid.NewGuid().ToString("N"));

        public ChangeWorkflowTests(ITestOutputHelper log)
        {
            _log = log;
            Directory.CreateDirectory(_folder);
        }

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        [Fact]
        public async Task Ten_thousand_rows_with_40_distinct_room_floor_pairs_take_40_batch_calls_plus_the_listing_pages()
        {
            await using var emulator = await IotAdmin.Tests.Integration.Emulator.StartAsync(o => { o.Devices = 10_000; o.Projects = 1; });
            using var session = await emulator.ConnectAsync();
            var project = emulator.Server.ProjectIds[0];
            var devices = await FleetSnapshot.DevicesAsync(session, project);
            var wanted = devices.Select((d, i) => (d.DeviceId, Room: "R" + (i % 40 / 4), Floor: "F" + (i % 4))).ToList();
            var before = await emulator.StatsAsync();

            var output = new RecordingOutput();
            var plan = new ChangePlanOperation(session, "Set-IotLabel", new BulkOptions(), null);
            foreach (var row in wanted) plan.Add(new PlannedDevice(project, row.DeviceId, Row(("room", row.Room), ("floor", row.Floor))), output);
            var summary = await plan.CompleteAsync(output, CancellationToken.None);

            var after = await emulator.StatsAsync();
            _log.WriteLine(summary + "; routes " + after);
            Assert.Empty(output.Errors);
            Assert.Equal(10_000, summary.Succeeded);
            var batchCalls = after.ByRoute(BatchUpdate) - before.ByRoute(BatchUpdate);
            var listingPages = (after.ByRoute("GET /v2/projects/{p}/devices") - before.ByRoute("GET /v2/projects/{p}/devices")) + (after.ByRoute("GET /v2/projects") - before.ByRoute("GET /v2/projects"));
            Assert.Equal(40, batchCalls);
            Assert.Equal(101, listingPages); // 100 pages of the project, one of the project list (its size)
            Assert.Equal(batchCalls + listingPages, after.ApiRequests() - before.ApiRequests());

            var labelled = (await FleetSnapshot.DevicesAsync(session, project)).ToDictionary(d => d.DeviceId);
            foreach (var row in wanted)
            {
                Assert.Equal(row.Room, labelled[row.DeviceId].Labels["room"]);
                Assert.Equal(row.Floor, labelled[row.DeviceId].Labels["floor"]);
            }
        }

        [Fact]
        public async Task Export_then_import_of_the_csv_sends_no_mutating_request_and_an_edited_column_changes_only_its_devices()
        {
            await using var emulator = await IotAdmin.Tests.Integration.Emulator.StartAsync(o => { o.Devices = 400; o.Projects = 3; });
            using var session = await emulator.ConnectAsync();
            var csv = new DeviceCsv();
            foreach (var project in emulator.Server.ProjectIds)
                foreach (var d in await FleetSnapshot.DevicesAsync(session, project)) csv.Add(d);
            var file = Path.Combine(_folder, "devices.csv");
            csv.Write(file);
            var rows = CsvText.Read(file);
            Assert.Equal(400, rows.Count);

            var before = await emulator.StatsAsync();
            var summary = await ApplyRowsAsync(session, rows, removeEmpty: false, new RecordingOutput());
            var after = await emulator.StatsAsync();
            Assert.Equal(0, after.Mutations - before.Mutations);
            Assert.Equal(400, summary.Succeeded);

            // The admin edits one column for the devices of floor 3: only those are sent, in one call.
            var edited = rows.Where(r => r["floor"] == "3").ToList();
            foreach (var r in edited) r["zone"] = "atrium";
            var changing = edited.Count(r => true);
            summary = await ApplyRowsAsync(session, rows, removeEmpty: false, new RecordingOutput());
            var last = await emulator.StatsAsync();
            Assert.InRange(last.ByRoute(BatchUpdate) - after.ByRoute(BatchUpdate), 1, 3); // one call per project
            Assert.Equal(400, summary.Succeeded);
            var snapshot = await FleetSnapshot.TakeAsync(session);
            Assert.Equal(changing, snapshot.Values.Count(v => v.Contains(",zone=atrium", StringComparison.Ordinal) || v.Contains("{zone=atrium", StringComparison.Ordinal)));
        }

        [Fact]
        public async Task Undo_of_a_label_change_restores_the_exact_previous_fleet_and_skips_the_device_someone_changed_since()
        {
            await using var emulator = await IotAdmin.Tests.Integration.Emulator.StartAsync(o => { o.Devices = 300; o.Projects = 3; });
            using var session = await emulator.ConnectAsync();
            var project = emulator.Server.ProjectIds[1];
            var snapshot = await FleetSnapshot.TakeAsync(session);
            var devices = await FleetSnapshot.DevicesAsync(session, project);
            var journalPath = Path.Combine(_folder, "labels.jsonl");

            // Rows set a new room everywhere, overwrite zone, and remove floor (empty cell, -RemoveEmpty).
            var output = new RecordingOutput();
            using (var journal = ChangeJournal.Open(journalPath, session, "Set-IotLabel"))
            {
                var plan = new ChangePlanOperation(session, "Set-IotLabel", new BulkOptions(), journal);
                foreach (var d in devices) plan.Add(new PlannedDevice(d.ProjectId, d.DeviceId, RowChange.From(new[] { Cell("room", "R9"), Cell("zone", "lab"), Cell("floor", "") }, true, out _)), output);
                await plan.CompleteAsync(output, CancellationToken.None);
            }

            Assert.Empty(output.Errors);
            var journalText = File.ReadAllText(journalPath);
            Assert.DoesNotContain(emulator.Server.Credentials.Secret, journalText, StringComparison.Ordinal);
            Assert.Equal(devices.Count, journalText.Split('\n').Count(l => l.Length > 0));

            // Someone else changes one device afterwards.
            var touched = devices[7];
            await session.Backend.UpdateLabelsAsync(project, new[] { touched.DeviceId }, new Dictionary<string, string> { ["room"] = "R10" }, Array.Empty<string>(), ApiCallContext.Silent(), CancellationToken.None);
            var touchedNow = FleetSnapshot.Describe((await FleetSnapshot.DevicesAsync(session, project)).Single(d => d.DeviceId == touched.DeviceId));

            var undoOutput = new RecordingOutput();
            var undoJournal = Path.Combine(_folder, "undo.jsonl");
            ChangePlanOperation undo;
            using (var journal = ChangeJournal.Open(undoJournal, session, "Undo-IotChange"))
            {
                undo = new ChangePlanOperation(session, "Undo-IotChange", new BulkOptions(), journal);
                foreach (var planned in UndoPlanner.Plan(JournalReader.Read(journalPath), null)) undo.Add(planned, undoOutput);
                var summary = await undo.CompleteAsync(undoOutput, CancellationToken.None);
                Assert.Equal(devices.Count - 1, summary.Succeeded);
                Assert.Equal(1, summary.Skipped);
            }

            Assert.Equal(1, undo.ChangedSince);
            Assert.Contains(undoOutput.Warnings, w => w.Contains(touched.DeviceId, StringComparison.Ordinal));
            var restored = await FleetSnapshot.TakeAsync(session);
            Assert.Equal(new[] { touched.DeviceId }, FleetSnapshot.Differences(snapshot, restored));
            Assert.Equal(touchedNow, restored[touched.DeviceId]);

            // The undo is journaled too: undoing the undo brings the change back.
            Assert.Equal(devices.Count - 1, File.ReadAllLines(undoJournal).Length);
        }

        [Fact]
        public async Task Undo_of_a_move_moves_the_devices_back_and_skips_one_moved_again_since()
        {
            await using var emulator = await IotAdmin.Tests.Integration.Emulator.StartAsync(o => { o.Devices = 300; o.Projects = 4; });
            using var session = await emulator.ConnectAsync();
            var (source, destination, elsewhere) = (emulator.Server.ProjectIds[1], emulator.Server.ProjectIds[2], emulator.Server.ProjectIds[3]);
            var snapshot = await FleetSnapshot.TakeAsync(session);
            var moving = (await FleetSnapshot.DevicesAsync(session, source)).Take(30).ToList();
            var journalPath = Path.Combine(_folder, "move.jsonl");
            using (var journal = ChangeJournal.Open(journalPath, session, "Move-IotDevice"))
            {
                var plan = new ChangePlanOperation(session, "Move-IotDevice", new BulkOptions(), journal);
                foreach (var d in moving) plan.Add(new PlannedDevice(null, d.DeviceId, new DeviceChange(moveTo: destination)), new RecordingOutput());
                var moved = await plan.CompleteAsync(new RecordingOutput(), CancellationToken.None);
                Assert.Equal(30, moved.Succeeded);
            }

            await session.Backend.TransferAsync(elsewhere, destination, new[] { moving[0].DeviceId }, ApiCallContext.Silent(), CancellationToken.None);

            var whatIf = new RecordingOutput { ShouldProcessAnswer = false };
            var before = await emulator.StatsAsync();
            var preview = new ChangePlanOperation(session, "Undo-IotChange", new BulkOptions { WhatIf = true }, null);
            foreach (var planned in UndoPlanner.Plan(JournalReader.Read(journalPath), null)) preview.Add(planned, whatIf);
            Assert.Equal(29, (await preview.CompleteAsync(whatIf, CancellationToken.None)).WhatIf);
            Assert.Equal(0, (await emulator.StatsAsync()).Mutations - before.Mutations);

            var output = new RecordingOutput();
            var undo = new ChangePlanOperation(session, "Undo-IotChange", new BulkOptions(), null);
            foreach (var planned in UndoPlanner.Plan(JournalReader.Read(journalPath), null)) undo.Add(planned, output);
            var summary = await undo.CompleteAsync(output, CancellationToken.None);
            Assert.Equal(29, summary.Succeeded);
            Assert.Equal(1, undo.ChangedSince);
            var restored = await FleetSnapshot.TakeAsync(session);
            Assert.Equal(new[] { moving[0].DeviceId }, FleetSnapshot.Differences(snapshot, restored));
        }

        [Fact]
        public async Task The_journal_holds_exactly_the_devices_whose_batch_succeeded()
        {
            await using var emulator = await IotAdmin.Tests.Integration.Emulator.StartAsync(o => { o.Devices = 200; o.Projects = 2; });
            using var session = await emulator.ConnectAsync();
            var project = emulator.Server.ProjectIds[1];
            var devices = await FleetSnapshot.DevicesAsync(session, project);
            await emulator.AddFaultAsync(new { method = "POST", path = "/v2/projects/*/devices:batchUpdate", status = 403, count = 1, message = "no write access" });

            var journalPath = Path.Combine(_folder, "partial.jsonl");
            var output = new RecordingOutput();
            using (var journal = ChangeJournal.Open(journalPath, session, "Set-IotLabel"))
            {
                var plan = new ChangePlanOperation(session, "Set-IotLabel", new BulkOptions(), journal);
                for (var i = 0; i < devices.Count; i++) plan.Add(new PlannedDevice(project, devices[i].DeviceId, Row(("shift", i % 2 == 0 ? "early" : "late"))), output);
                var summary = await plan.CompleteAsync(output, CancellationToken.None);
                Assert.Equal((devices.Count + 1) / 2, summary.Failed); // the first group (early) met the fault
            }

            var journaled = JournalReader.Read(journalPath).ToList();
            var late = devices.Where((d, i) => i % 2 == 1).Select(d => d.DeviceId).OrderBy(id => id, StringComparer.Ordinal);
            Assert.Equal(late, journaled.Select(e => e.DeviceId).OrderBy(id => id, StringComparer.Ordinal));
            Assert.All(journaled, e => Assert.Equal("late", e.After.Labels["shift"]));
            Assert.All(journaled, e => Assert.False(e.Before.Labels.ContainsKey("shift")));
        }

        private static Task<IotBulkSummary> ApplyRowsAsync(IotSession session, List<Dictionary<string, string>> rows, bool removeEmpty, RecordingOutput output)
        {
            var plan = new ChangePlanOperation(session, "Set-IotLabel", new BulkOptions(), null);
            foreach (var row in rows)
            {
                var change = RowChange.From(row.Where(c => !DeviceCsv.DeviceColumns.Contains(c.Key)).Select(c => Cell(c.Key, c.Value)), removeEmpty, out var problem);
                Assert.Null(problem);
                plan.Add(new PlannedDevice(row["ProjectId"], row["DeviceId"], change), output);
            }

            return plan.CompleteAsync(output, CancellationToken.None);
        }

        private static DeviceChange Row(params (string Key, string Value)[] cells) => RowChange.From(cells.Select(c => Cell(c.Key, c.Value)), false, out _);

        private static KeyValuePair<string, object?> Cell(string key, string value) => new KeyValuePair<string, object?>(key, value);
    }
}
