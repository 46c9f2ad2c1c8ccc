using System.Collections;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IotAdmin.Operations.Bulk;
using IotAdmin.Tests.Support;
using Xunit;

namespace IotAdmin.Tests.Operations
{
    public class BulkItemRetryTests
    {
        private readonly FakeTimeProvider _time = new FakeTimeProvider();

        [Fact]
        public async Task Transient_per_device_failures_are_sent_again_alone_and_the_rest_reported()
        {
            const string timedOut = "{\"batchErrors\":[{\"device\":\"projects/p1/devices/d2\",\"status\":{\"code\":\"INTERNAL_ERROR\",\"message\":\"Operation timed out. Retry again in a few seconds.\"}},{\"device\":\"projects/p1/devices/d3\",\"status\":{\"code\":\"NOT_FOUND\",\"message\":\"resource not found\"}}]}";
            var stub = new StubHandler(_time).Then(200, timedOut).Then(200, "{\"batchErrors\":[]}");
            var session = await TestSessions.ConnectAsync("http://127.0.0.1:1/v2", stub, _time, TestSessions.Unlimited());
            var output = new RecordingOutput();
            var operation = new SetLabelOperation(session, new Hashtable { ["zone"] = "north" }, new BulkOptions());
            var summary = await _time.RunAsync(PipelineSimulation.RunAsync(new[] { "d1", "d2", "d3" }.Select(d => DeviceRef.FromIds("p1", d)), operation, output));

            Assert.Equal(2, stub.ApiRequestCount);
            var second = JsonDocument.Parse(stub.Requests[1].Body!).RootElement;
            Assert.Equal(new[] { "projects/p1/devices/d2" }, second.GetProperty("devices").EnumerateArray().Select(e => e.GetString()));
            Assert.True((stub.Requests[1].At - stub.Requests[0].At).TotalSeconds >= 1);
            Assert.Equal(2, summary.Succeeded);
            Assert.Equal(1, summary.Failed);
            var error = Assert.Single(output.Errors);
            Assert.Equal("IotApiNotFound", error.ErrorId);
            Assert.Equal("projects/p1/devices/d3", error.TargetObject);
            Assert.Contains("failed for device 'd3' (NOT_FOUND): resource not found", error.Message);
            var info = Assert.Single(output.Information);
            Assert.Same(summary, info.Data);
            Assert.Contains("Summary", info.Tags);
        }

        [Fact]
        public async Task A_full_batch_is_sent_before_more_input_arrives()
        {
            var stub = new StubHandler(_time) { Fallback = () => StubHandler.Json(200, "{\"batchErrors\":[]}") };
            var session = await TestSessions.ConnectAsync("http://127.0.0.1:1/v2", stub, _time, TestSessions.Unlimited());
            var operation = new RemoveLabelOperation(session, new[] { "zone" }, new BulkOptions { BatchSize = 2 });
            var output = new RecordingOutput();
            await operation.AddAsync(DeviceRef.FromIds("p1", "d1"), output, default);
            Assert.Equal(0, stub.ApiRequestCount);
            await operation.AddAsync(DeviceRef.FromIds("p1", "d2"), output, default);
            Assert.Equal(1, stub.ApiRequestCount); // full: sent at once
            await operation.AddAsync(DeviceRef.FromIds("p2", "d3"), output, default);
            await operation.CompleteAsync(output, default);
            Assert.Equal(2, stub.ApiRequestCount);
            Assert.EndsWith("/v2/projects/p2/devices:batchUpdate", stub.Requests[1].Uri.AbsolutePath);
            Assert.Contains("\"removeLabels\":[\"zone\"]", stub.Requests[1].Body);
            Assert.DoesNotContain("addLabels", stub.Requests[1].Body);
        }
    }
}
