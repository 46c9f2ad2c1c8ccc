using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Http;
using IotAdmin.Models;
using IotAdmin.Operations;
using IotAdmin.Operations.Bulk;
using IotAdmin.Sessions;
using IotAdmin.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace IotAdmin.Tests.Integration
{
    /// <summary>Issue 5 end to end: batching, per-device outcome, WhatIf, resuming, and a lost transfer answer.</summary>
    [Collection("bulk")]
    public class BulkEndToEndTests
    {
        private readonly ITestOutputHelper _log;

        public BulkEndToEndTests(ITestOutputHelper log) => _log = log;

        [Fact]
        public async Task Ten_thousand_devices_are_labelled_in_at_most_110_requests_then_unlabelled()
        {
            await using var emulator = await Emulator.StartAsync(o => { o.Devices = 10_000; o.Projects = 1; });
            using var session = await emulator.ConnectAsync();
            var project = emulator.Server.ProjectIds[0];
            var before = await emulator.StatsAsync();

            var output = new RecordingOutput();
            var summary = await PipelineSimulation.RunAsync(session, new GetDeviceRequest { ProjectId = project }, new SetLabelOperation(session, new Hashtable { ["zone"] = "north", ["audit"] = "2026-11" }, new BulkOptions()), output);
            var after = await emulator.StatsAsync();
            _log.WriteLine(summary.ToString());
            Assert.Empty(output.Errors);
            var requests = after.ApiRequests() - before.ApiRequests();
            Assert.True(requests <= 110, requests + " requests");
            Assert.Equal(10, after.ByRoute("POST /v2/projects/{p}/devices:batchUpdate"));
            Assert.Equal(10_000, summary.Succeeded + summary.Skipped);
            Assert.Equal(10, summary.Requests);

            var labelled = await ListAsync(session, new GetDeviceRequest { ProjectId = project, Labels = new Hashtable { ["zone"] = "north", ["audit"] = "2026-11" } });
            Assert.Equal(10_000, labelled.Count);

            var removal = await PipelineSimulation.RunAsync(session, new GetDeviceRequest { ProjectId = project }, new RemoveLabelOperation(session, new[] { "audit" }, new BulkOptions()), new RecordingOutput());
            Assert.Equal(10_000, removal.Succeeded);
            Assert.Empty(await ListAsync(session, new GetDeviceRequest { ProjectId = project, Labels = new Hashtable { ["audit"] = null } }));
            Assert.Equal(10_000, (await ListAsync(session, new GetDeviceRequest { ProjectId = project, Labels = new Hashtable { ["zone"] = "north" } })).Count);
        }

        [Fact]
        public async Task Rerunning_an_interrupted_label_run_completes_it_without_duplicate_effects()
        {
            await using var emulator = await Emulator.StartAsync(o => { o.Devices = 600; o.Projects = 1; });
            using var session = await emulator.ConnectAsync();
            var project = emulator.Server.ProjectIds[0];
            var label = new Hashtable { ["campaign"] = "c1" }; // no seeded device has it
            var all = await ListAsync(session, new GetDeviceRequest { ProjectId = project });
            using var cts = new CancellationTokenSource();
            var interrupted = new SetLabelOperation(session, label, new BulkOptions { BatchSize = 100 });
            var fed = 0;
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            {
                foreach (var d in all)
                {
                    if (++fed == 350) cts.Cancel(); // Ctrl+C while the 4th batch fills
                    await interrupted.AddAsync(DeviceRef.FromDevice(d), new RecordingOutput(), cts.Token);
                }
            });
            Assert.Equal(300, interrupted.Summary().Succeeded);

            var mutationsBefore = (await emulator.StatsAsync()).Mutations;
            var rerun = await PipelineSimulation.RunAsync(session, new GetDeviceRequest { ProjectId = project }, new SetLabelOperation(session, label, new BulkOptions { BatchSize = 100 }), new RecordingOutput());
            _log.WriteLine(rerun.ToString());
            Assert.Equal(600, rerun.Succeeded); // every device is sent again: piped objects may be stale, the change is idempotent
            Assert.Equal(0, rerun.Failed);
            Assert.Equal(6, (await emulator.StatsAsync()).Mutations - mutationsBefore);
            Assert.Equal(600, (await ListAsync(session, new GetDeviceRequest { ProjectId = project, Labels = new Hashtable { ["campaign"] = "c1" } })).Count);
        }

        [Fact]
        public async Task WhatIf_sends_no_mutating_request()
        {
            await using var emulator = await Emulator.StartAsync(o => { o.Devices = 300; o.Projects = 2; });
            using var session = await emulator.ConnectAsync();
            var output = new RecordingOutput { ShouldProcessAnswer = false };
            var summary = await PipelineSimulation.RunAsync(session, new GetDeviceRequest { ProjectId = emulator.Server.ProjectIds[1] }, new MoveDeviceOperation(session, emulator.Server.ProjectIds[0], new BulkOptions { WhatIf = true }), output);
            var stats = await emulator.StatsAsync();
            Assert.Equal(0, stats.Mutations);
            Assert.True(summary.WhatIf > 200);
            Assert.Equal(summary.WhatIf, output.ShouldProcessCalls.Count);
            Assert.All(output.ShouldProcessCalls, c => Assert.Equal("Move to project " + emulator.Server.ProjectIds[0], c.Action));
            Assert.EndsWith("; " + summary.WhatIf + " would change", summary.ToString());
        }

        [Fact]
        public async Task Moving_five_thousand_devices_with_missing_ids_reports_each_outcome_and_reruns_cleanly()
        {
            await using var emulator = await Emulator.StartAsync(o => { o.Devices = 6000; o.Projects = 2; o.Seed = 3; });
            using var session = await emulator.ConnectAsync();
            var (destination, source) = (emulator.Server.ProjectIds[0], emulator.Server.ProjectIds[1]);
            var devices = (await ListAsync(session, new GetDeviceRequest { ProjectId = source })).Take(5000).ToList();
            Assert.Equal(5000, devices.Count);
            var missing = Enumerable.Range(0, 40).Select(i => "c0missing" + i.ToString("D11")).ToList();
            var input = devices.Select(DeviceRef.FromDevice).Concat(missing.Select(id => DeviceRef.FromIds(source, id))).ToList();

            var output = new RecordingOutput();
            var summary = await PipelineSimulation.RunAsync(input, new MoveDeviceOperation(session, destination, new BulkOptions { PassThru = true }), output);
            _log.WriteLine(summary.ToString());
            Assert.Equal(5000, summary.Succeeded);
            Assert.Equal(40, summary.Failed);
            Assert.Equal(missing.Select(m => "projects/" + source + "/devices/" + m).OrderBy(x => x), output.Errors.Select(e => (string)e.TargetObject!).OrderBy(x => x));
            Assert.All(output.Errors, e => Assert.Equal("IotApiNotFound", e.ErrorId));
            Assert.Equal(5000, output.Objects.Cast<IotDevice>().Count(d => d.ProjectId == destination));
            var inDestination = (await ListAsync(session, new GetDeviceRequest { ProjectId = destination })).Select(d => d.DeviceId).ToHashSet();
            Assert.True(devices.All(d => inDestination.Contains(d.DeviceId)));

            // The same input again (stale objects still naming the source): nothing moves twice, nothing fails but the missing ids.
            var again = new RecordingOutput();
            var rerun = await PipelineSimulation.RunAsync(input, new MoveDeviceOperation(session, destination, new BulkOptions()), again);
            Assert.Equal(5000, rerun.Succeeded);
            Assert.Equal(40, rerun.Failed);
            Assert.Equal(inDestination.Count, (await ListAsync(session, new GetDeviceRequest { ProjectId = destination })).Count);
        }

        [Fact]
        public async Task A_lost_transfer_answer_is_rechecked_not_resent()
        {
            await using var emulator = await Emulator.StartAsync(o => { o.Devices = 200; o.Projects = 2; });
            using var session = await emulator.ConnectAsync(TestSessions.Unlimited());
            var (destination, source) = (emulator.Server.ProjectIds[0], emulator.Server.ProjectIds[1]);
            var devices = await ListAsync(session, new GetDeviceRequest { ProjectId = source });
            await emulator.AddFaultAsync(new { method = "POST", path = "/v2/projects/*/devices:transfer", kind = "lost", count = 1 });
            var output = new RecordingOutput();
            var summary = await PipelineSimulation.RunAsync(devices.Select(DeviceRef.FromDevice), new MoveDeviceOperation(session, destination, new BulkOptions()), output);
            Assert.Empty(output.Errors);
            Assert.Equal(devices.Count, summary.Succeeded);
            var stats = await emulator.StatsAsync();
            Assert.Equal(1, stats.ByRoute("POST /v2/projects/{p}/devices:transfer")); // answered by the re-check, never sent again
            Assert.Contains(output.VerboseMessages, m => m.Contains("checking which devices arrived"));
        }

        [Fact]
        public async Task A_device_that_would_exceed_fifty_labels_fails_alone()
        {
            await using var emulator = await Emulator.StartAsync(o => { o.Devices = 50; o.Projects = 1; });
            using var session = await emulator.ConnectAsync();
            var project = emulator.Server.ProjectIds[0];
            var devices = await ListAsync(session, new GetDeviceRequest { ProjectId = project });
            var full = devices[0];
            var filler = Enumerable.Range(0, 50 - full.Labels.Count).ToDictionary(i => "k" + i, i => "v");
            await session.Backend.UpdateLabelsAsync(project, new[] { full.DeviceId }, filler, Array.Empty<string>(), ApiCallContext.Silent(), CancellationToken.None);

            // Plain ids: the server's batchErrors decide (INVALID_ARGUMENT "Max labels reached for device.").
            var output = new RecordingOutput();
            var summary = await PipelineSimulation.RunAsync(devices.Select(d => DeviceRef.FromIds(project, d.DeviceId)), new SetLabelOperation(session, new Hashtable { ["extra"] = "x" }, new BulkOptions()), output);
            Assert.Equal(devices.Count - 1, summary.Succeeded);
            var error = Assert.Single(output.Errors);
            Assert.Equal("IotApiInvalidArgument", error.ErrorId);
            Assert.Equal("projects/" + project + "/devices/" + full.DeviceId, error.TargetObject);
            Assert.Contains("Max labels reached for device.", error.Message);
            Assert.Null(((IotApiException)error.Exception).StatusCode);

            // Device objects: found before sending, with no request for that device.
            var known = await ListAsync(session, new GetDeviceRequest { ProjectId = project });
            var second = new RecordingOutput();
            await PipelineSimulation.RunAsync(known.Select(DeviceRef.FromDevice), new SetLabelOperation(session, new Hashtable { ["another"] = "y" }, new BulkOptions()), second);
            var early = Assert.Single(second.Errors);
            Assert.Equal("IotInvalidLabelChange", early.ErrorId);
            Assert.Same(known.Single(d => d.DeviceId == full.DeviceId), early.TargetObject);
        }

        [Fact]
        public async Task Bad_input_fails_before_any_request()
        {
            await using var emulator = await Emulator.StartAsync(o => { o.Devices = 10; o.Projects = 2; });
            using var session = await emulator.ConnectAsync();
            var before = (await emulator.StatsAsync()).Requests;
            Assert.Equal("Label", Assert.Throws<ArgumentException>(() => new SetLabelOperation(session, new Hashtable { ["zone"] = null }, new BulkOptions())).ParamName);
            Assert.Contains("use Remove-IotLabel", Assert.Throws<ArgumentException>(() => new SetLabelOperation(session, new Hashtable { ["zone"] = null }, new BulkOptions())).Message);
            Assert.Throws<ArgumentException>(() => new SetLabelOperation(session, new Hashtable(), new BulkOptions()));
            Assert.Throws<ArgumentException>(() => new SetLabelOperation(session, new Hashtable { ["bad key"] = "v" }, new BulkOptions()));
            Assert.Throws<ArgumentException>(() => new RemoveLabelOperation(session, Array.Empty<string>(), new BulkOptions()));
            Assert.Throws<ArgumentException>(() => new MoveDeviceOperation(session, "not/a/project", new BulkOptions()));
            Assert.Throws<ArgumentOutOfRangeException>(() => new SetLabelOperation(session, new Hashtable { ["a"] = "b" }, new BulkOptions { BatchSize = 1001 }));
            Assert.Equal(before, (await emulator.StatsAsync()).Requests);
        }

        [Fact]
        public async Task A_missing_destination_stops_the_move_before_any_transfer()
        {
            await using var emulator = await Emulator.StartAsync(o => { o.Devices = 20; o.Projects = 2; });
            using var session = await emulator.ConnectAsync();
            var devices = await ListAsync(session, new GetDeviceRequest { ProjectId = emulator.Server.ProjectIds[1] });
            var operation = new MoveDeviceOperation(session, "c0nosuchprojectxxxxx", new BulkOptions());
            var e = await Assert.ThrowsAsync<IotApiException>(() => operation.AddAsync(DeviceRef.FromDevice(devices[0]), new RecordingOutput(), CancellationToken.None));
            Assert.Equal(IotErrorCategory.ObjectNotFound, e.Category);
            Assert.Equal(0, (await emulator.StatsAsync()).Mutations);
        }

        private static async Task<List<IotDevice>> ListAsync(IotSession session, GetDeviceRequest request)
        {
            var output = new RecordingOutput();
            await GetDeviceOperation.RunAsync(session, request, output, new ApiCallContext(output), CancellationToken.None);
            Assert.Empty(output.Errors);
            return output.Objects.Cast<IotDevice>().ToList();
        }
    }
}
