using System;
using System.Collections;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using IotAdmin.Models;
using IotAdmin.Operations;
using IotAdmin.Operations.Bulk;
using IotAdmin.Sessions;
using IotAdmin.Tests.Support;
using Xunit;

namespace IotAdmin.Tests.Faults
{
    /// <summary>Issue 12, item 3: a run the API can no longer serve stops after one call's retries, every device accounted for.</summary>
    public class UnreachableApiTests
    {
        private readonly FakeTimeProvider _time = new FakeTimeProvider();

        [Fact]
        public async Task When_the_api_goes_away_the_run_stops_after_one_calls_retries_and_counts_the_rest_not_reached()
        {
            var stub = new StubHandler(_time) { Fallback = () => throw new HttpRequestException("Connection refused (127.0.0.1:1)") }.Then(200, "{}");
            using var session = await TestSessions.ConnectAsync("http://127.0.0.1:1/v2", stub, _time, TestSessions.Unlimited(maxAttempts: 3));
            var output = new RecordingOutput();
            var operation = new SetLabelOperation(session, new Hashtable { ["zone"] = "north" }, new BulkOptions { BatchSize = 2 });
            var devices = Enumerable.Range(1, 10).Select(i => DeviceRef.FromIds("p1", "d" + i));

            var stopped = await Assert.ThrowsAsync<IotApiException>(() => _time.RunAsync(PipelineSimulation.RunAsync(devices, operation, output)));

            Assert.Equal(1 + 3, stub.ApiRequestCount); // one good batch, then one batch's three attempts; nothing after
            Assert.Equal("IotApiConnectionFailed", stopped.ErrorId);
            Assert.Contains("6 devices not reached", stopped.RecommendedAction);
            var summary = Assert.IsType<IotBulkSummary>(Assert.Single(output.Information).Data);
            Assert.Equal(2, summary.Succeeded);
            Assert.Equal(2, summary.Failed);
            Assert.Equal(6, summary.NotReached);
            Assert.Equal(10, summary.Succeeded + summary.Failed + summary.NotReached);
            Assert.Contains("6 not reached", summary.ToString());
            Assert.Equal(2, output.Errors.Count); // the failed batch's devices, each named; nothing per device not reached
            Assert.Contains(output.Errors, e => e.Message.Contains("for device 'd3'") && (string)e.TargetObject! == "projects/p1/devices/d3");
            Assert.Contains(output.Errors, e => e.Message.Contains("for device 'd4'"));
        }

        [Fact]
        public async Task A_failure_the_server_answers_does_not_stop_the_run()
        {
            var stub = new StubHandler(_time).Then(403, "{\"error\":\"no access\",\"code\":403}").Then(200, "{}");
            using var session = await TestSessions.ConnectAsync("http://127.0.0.1:1/v2", stub, _time, TestSessions.Unlimited(maxAttempts: 3));
            var output = new RecordingOutput();
            var operation = new SetLabelOperation(session, new Hashtable { ["zone"] = "north" }, new BulkOptions { BatchSize = 2 });
            var summary = await _time.RunAsync(PipelineSimulation.RunAsync(Enumerable.Range(1, 4).Select(i => DeviceRef.FromIds("p1", "d" + i)), operation, output));

            Assert.Equal(2, summary.Succeeded);
            Assert.Equal(2, summary.Failed);
            Assert.Equal(0, summary.NotReached);
        }

        [Fact]
        public async Task Against_the_emulator_a_vanished_api_ends_the_run_with_every_device_accounted_for()
        {
            await using var emulator = await Integration.Emulator.StartAsync(o => o.Devices = 300);
            using var session = await emulator.ConnectAsync(TestSessions.Unlimited(maxAttempts: 2));
            var listed = new RecordingOutput();
            await GetDeviceOperation.RunAsync(session, new GetDeviceRequest(), listed, default);
            var largest = listed.Objects.Cast<IotDevice>().GroupBy(d => d.ProjectId).OrderByDescending(g => g.Count()).First();
            var ids = largest.Take(50).Select(DeviceRef.FromDevice).ToList(); // one project: a batch fills every 10 devices
            Assert.Equal(50, ids.Count);
            var output = new RecordingOutput();
            var operation = new SetLabelOperation(session, new Hashtable { ["zone"] = "north" }, new BulkOptions { BatchSize = 10 });
            foreach (var device in ids.Take(10)) await operation.AddAsync(device, output, default); // the first batch goes out whole
            await emulator.AddFaultAsync(new { method = "*", path = "/v2/*", kind = "reset", count = 1000 });
            foreach (var device in ids.Skip(10)) await operation.AddAsync(device, output, default);
            await Assert.ThrowsAsync<IotApiException>(() => operation.CompleteAsync(output, default));

            var summary = operation.Summary();
            Assert.Equal(50, summary.Succeeded + summary.Failed + summary.NotReached);
            Assert.Equal(10, summary.Succeeded);
            Assert.Equal(10, summary.Failed); // the batch in flight when the API went away
            Assert.Equal(30, summary.NotReached);
        }
    }
}
