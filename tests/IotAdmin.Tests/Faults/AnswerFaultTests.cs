using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Backends;
using IotAdmin.Errors;
using IotAdmin.Http;
using IotAdmin.Models;
using IotAdmin.Operations;
using IotAdmin.Operations.Bulk;
using IotAdmin.Output;
using IotAdmin.Sessions;
using IotAdmin.Tests.Support;
using Xunit;

namespace IotAdmin.Tests.Faults
{
    /// <summary>
    /// Issue 12, items 5, 6 and 10: success bodies that break the API's promise, Retry-After values, and error texts.
    /// A stub answers (the emulator answers success only with good bodies).
    /// </summary>
    public class AnswerFaultTests
    {
        private const string OneProject = "{\"name\":\"projects/dest\",\"displayName\":\"Destination\",\"organization\":\"organizations/o1\"}";

        private readonly FakeTimeProvider _time = new FakeTimeProvider();

        [Theory]
        [InlineData("{\"devices\":[null],\"nextPageToken\":\"\"}")]
        [InlineData("{\"devices\":[{}],\"nextPageToken\":\"\"}")]
        [InlineData("{\"devices\":[{\"name\":\"\"}],\"nextPageToken\":\"\"}")]
        public async Task A_device_listing_with_an_unreadable_entry_is_an_invalid_response_not_a_crash(string body)
        {
            var stub = new StubHandler(_time).Then(200, body);
            using var session = await TestSessions.ConnectAsync("http://127.0.0.1:1/v2", stub, _time, TestSessions.Unlimited());
            var output = new RecordingOutput();
            await _time.RunAsync(GetDeviceOperation.RunAsync(session, new GetDeviceRequest { ProjectId = "p1" }, output, CancellationToken.None));

            Assert.Empty(output.Objects); // never a device with empty ids
            var error = Assert.Single(output.Errors);
            Assert.Equal("IotApiInvalidResponse", error.ErrorId);
            Assert.Contains("GET /v2/projects/p1/devices", error.Message);
        }

        [Fact]
        public async Task The_good_devices_of_a_page_come_out_before_the_bad_entry_is_reported()
        {
            var stub = new StubHandler(_time).Then(200, "{\"devices\":[{\"name\":\"projects/p1/devices/d1\"},null],\"nextPageToken\":\"\"}");
            using var session = await TestSessions.ConnectAsync("http://127.0.0.1:1/v2", stub, _time, TestSessions.Unlimited());
            var output = new RecordingOutput();
            await _time.RunAsync(GetDeviceOperation.RunAsync(session, new GetDeviceRequest { ProjectId = "p1" }, output, CancellationToken.None));

            Assert.Equal("d1", Assert.IsType<IotDevice>(Assert.Single(output.Objects)).DeviceId);
            Assert.Equal("IotApiInvalidResponse", Assert.Single(output.Errors).ErrorId);
        }

        [Fact]
        public async Task A_project_listing_with_a_null_entry_is_an_invalid_response()
        {
            var stub = new StubHandler(_time).Then(200, "{\"projects\":[null],\"nextPageToken\":\"\"}");
            using var session = await TestSessions.ConnectAsync("http://127.0.0.1:1/v2", stub, _time, TestSessions.Unlimited());
            var e = await Assert.ThrowsAsync<IotApiException>(async () =>
            {
                await foreach (var _ in session.Backend.ListProjectsAsync(new ProjectQuery(), ApiCallContext.Silent(), CancellationToken.None))
                {
                }
            });
            Assert.Equal("IotApiInvalidResponse", e.ErrorId);
            Assert.Contains("null item", e.Message);
        }

        [Theory]
        [InlineData("{\"batchErrors\":[null]}")]
        [InlineData("{\"batchErrors\":[{\"status\":{\"code\":\"NOT_FOUND\",\"message\":\"resource not found\"}}]}")]
        [InlineData("{\"batchErrors\":[{\"device\":\"projects/p1/devices/other\",\"status\":{\"code\":\"NOT_FOUND\"}}]}")]
        public async Task A_batch_error_that_names_no_device_of_the_batch_fails_the_batch(string body)
        {
            var stub = new StubHandler(_time).Then(200, body);
            using var session = await TestSessions.ConnectAsync("http://127.0.0.1:1/v2", stub, _time, TestSessions.Unlimited());
            var output = new RecordingOutput();
            var operation = new SetLabelOperation(session, new Hashtable { ["zone"] = "north" }, new BulkOptions());
            var summary = await _time.RunAsync(PipelineSimulation.RunAsync(new[] { "d1", "d2" }.Select(d => DeviceRef.FromIds("p1", d)), operation, output));

            Assert.Equal(1, stub.ApiRequestCount); // not retryable: the outcome is unknown, not transient
            Assert.Equal(0, summary.Succeeded);
            Assert.Equal(2, summary.Failed);
            Assert.All(output.Errors, e => Assert.Equal("IotApiInvalidResponse", e.ErrorId));
            Assert.Contains(output.Errors, e => e.Message.Contains("for device 'd1'"));
            Assert.Contains(output.Errors, e => e.Message.Contains("for device 'd2'"));
        }

        [Fact]
        public async Task A_transfer_error_that_is_null_fails_the_batch()
        {
            var stub = new StubHandler(_time).Then(200, OneProject).Then(200, "{\"transferErrors\":[null]}");
            using var session = await TestSessions.ConnectAsync("http://127.0.0.1:1/v2", stub, _time, TestSessions.Unlimited());
            var output = new RecordingOutput();
            var summary = await _time.RunAsync(PipelineSimulation.RunAsync(new[] { DeviceRef.FromIds("p1", "d1") }, new MoveDeviceOperation(session, "dest", new BulkOptions()), output));

            Assert.Equal(0, summary.Succeeded);
            Assert.Equal(1, summary.Failed);
            Assert.Equal("IotApiInvalidResponse", Assert.Single(output.Errors).ErrorId);
        }

        [Theory]
        [InlineData("1.5", 2)] // rounded up: never less than the server asked
        [InlineData("12.5", 13)] // not 5 December
        [InlineData("3", 3)]
        [InlineData("soon", 1)] // unreadable: the backoff floor
        [InlineData("12,5", 1)]
        [InlineData("1e3", 1)]
        [InlineData("-4", 1)]
        public async Task Retry_after_is_delta_seconds_rounded_up_or_else_the_backoff_floor(string header, int seconds)
        {
            var stub = new StubHandler(_time).Then(503, null, r => r.Headers.TryAddWithoutValidation("Retry-After", header)).Then(200);
            var output = new RecordingOutput();
            using var session = await TestSessions.ConnectAsync("http://127.0.0.1:1/v2", stub, _time, TestSessions.Unlimited());
            await _time.RunAsync(ListProjectsAsync(session, new ApiCallContext(output)));

            Assert.Equal(2, stub.ApiRequestCount);
            Assert.Equal(TimeSpan.FromSeconds(seconds), stub.Requests[1].At - stub.Requests[0].At);
            var noted = output.VerboseMessages.Any(m => m.Contains("ignoring Retry-After '" + header + "'"));
            Assert.Equal(!char.IsDigit(header[0]) || header.Contains(',') || header.Contains('e'), noted);
        }

        [Theory]
        [InlineData("r")]
        [InlineData("dddd, dd-MMM-yy HH:mm:ss 'GMT'")]
        [InlineData("ddd MMM d HH:mm:ss yyyy")]
        public void Retry_after_takes_the_three_http_date_forms(string format)
        {
            var now = new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
            var text = now.AddSeconds(30).ToString(format, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(TimeSpan.FromSeconds(30), DurationText.ParseRetryAfter(text, now));
            Assert.Null(DurationText.ParseRetryAfter("12.5.2026", now));
        }

        [Fact]
        public void An_api_error_says_its_hint_once_and_ends_with_one_full_stop()
        {
            var e = ErrorClassifier.FromResponse("POST", "/v2/projects/p1/devices:batchUpdate", 503, "{\"error\":\"Too many requests received.\",\"code\":503}", null);
            Assert.DoesNotContain("..", e.Message);
            Assert.Contains("received. Retry after 1 s.", e.Message);
            var info = IotErrorInfo.FromApi(e);
            Assert.DoesNotContain("Retry after", info.Message); // the Recommendation line says it
            Assert.Equal("Retry after 1 s", info.RecommendedAction);
            Assert.EndsWith("received.", info.Message);

            var unsupported = ErrorClassifier.NotSupported("POST", "/v1/x:transfer", "Cloud IoT Core cannot move devices between registries.", "move it by hand");
            Assert.DoesNotContain("..", unsupported.Message);
            Assert.DoesNotContain("..", IotErrorInfo.FromApi(unsupported).Message);
        }

        private static async Task<int> ListProjectsAsync(IotSession session, ApiCallContext context)
        {
            var n = 0;
            await foreach (var _ in session.Backend.ListProjectsAsync(new ProjectQuery(), context, CancellationToken.None)) n++;
            return n;
        }
    }
}
