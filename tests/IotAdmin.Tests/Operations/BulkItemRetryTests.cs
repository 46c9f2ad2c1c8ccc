using System.Collections;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IotAdmin.Operations.Bulk;
using System;
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
        public async Task A_per_device_resend_waits_at_least_the_servers_retry_info_and_counts_as_a_retry()
        {
            const string busy = "{\"batchErrors\":[{\"device\":\"projects/p1/devices/d2\",\"status\":{\"code\":\"UNAVAILABLE\",\"message\":\"device busy\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"7s\"}]}}]}";
            var stub = new StubHandler(_time).Then(200, busy).Then(200, "{\"batchErrors\":[]}");
            var session = await TestSessions.ConnectAsync("http://127.0.0.1:1/v2", stub, _time, TestSessions.Unlimited());
            var output = new RecordingOutput();
            var operation = new SetLabelOperation(session, new Hashtable { ["zone"] = "north" }, new BulkOptions());
            var summary = await _time.RunAsync(PipelineSimulation.RunAsync(new[] { "d1", "d2" }.Select(d => DeviceRef.FromIds("p1", d)), operation, output));

            Assert.Equal(2, stub.ApiRequestCount);
            Assert.True((stub.Requests[1].At - stub.Requests[0].At).TotalSeconds >= 7); // the RetryInfo is the floor, not the 1 s backoff
            Assert.Equal(2, summary.Succeeded);
            Assert.Equal(1, summary.Retries);
            Assert.Empty(output.Errors);
            Assert.Contains(output.VerboseMessages, m => m == "Retrying POST /v2/projects/p1/devices:batchUpdate for 1 device after UNAVAILABLE (attempt 2 of 3); waiting 7 s.");
        }

        [Fact]
        public async Task A_transfer_whose_server_asks_for_a_day_fails_at_once_within_max_retry_delay()
        {
            var stub = new StubHandler(_time)
                .Then(200, "{\"name\":\"projects/dest\",\"displayName\":\"Destination\",\"organization\":\"organizations/o1\"}")
                .Then(503, null, r => r.Headers.Add("Retry-After", "86400"));
            var session = await TestSessions.ConnectAsync("http://127.0.0.1:1/v2", stub, _time, TestSessions.Unlimited());
            var output = new RecordingOutput();
            var started = _time.GetUtcNow();
            var summary = await _time.RunAsync(PipelineSimulation.RunAsync(new[] { DeviceRef.FromIds("p1", "d1") }, new MoveDeviceOperation(session, "dest", new BulkOptions()), output));

            Assert.True(_time.GetUtcNow() - started < TimeSpan.FromSeconds(1)); // no day-long sleep (MaxRetryDelay is 60 s)
            Assert.Equal(2, stub.ApiRequestCount); // the destination check and one transfer: no re-check, no resend
            Assert.Equal(1, summary.Failed);
            var error = Assert.Single(output.Errors);
            Assert.Equal("IotApiUnavailable", error.ErrorId);
            Assert.Equal(TimeSpan.FromSeconds(86400), ((IotApiException)error.Exception).RetryAfter);
            Assert.Contains(output.VerboseMessages, m => m.StartsWith("Not retrying POST /v2/projects/dest/devices:transfer: the server asks for a 86400 s wait, more than the session's MaxRetryDelay of 60 s"));
        }

        [Fact]
        public async Task A_device_with_a_project_is_confirmed_and_queued_on_the_calling_thread_without_io()
        {
            var stub = new StubHandler(_time) { Fallback = () => StubHandler.Json(200, "{\"batchErrors\":[]}") };
            var session = await TestSessions.ConnectAsync("http://127.0.0.1:1/v2", stub, _time, TestSessions.Unlimited());
            var operation = new SetLabelOperation(session, new Hashtable { ["zone"] = "north" }, new BulkOptions { BatchSize = 2 });
            var output = new RecordingOutput();
            Assert.Null(operation.Add(DeviceRef.FromIds("p1", "d1"), output)); // nothing to send yet: no work for the pump
            Assert.Equal(("projects/p1/devices/d1", "Set labels zone=north"), Assert.Single(output.ShouldProcessCalls));
            var send = operation.Add(DeviceRef.FromIds("p1", "d2"), output);
            Assert.NotNull(send); // the batch is full: its send is the only I/O
            Assert.Equal(0, stub.ApiRequestCount);
            await send!(output, default);
            Assert.Equal(1, stub.ApiRequestCount);
            Assert.NotNull(operation.Add(DeviceRef.FromIds(null, "d3"), output)); // no project: the lookup is I/O
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
