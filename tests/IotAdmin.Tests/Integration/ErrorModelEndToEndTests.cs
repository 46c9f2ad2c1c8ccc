using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Errors;
using IotAdmin.Http;
using IotAdmin.Output;
using IotAdmin.Sessions;
using IotAdmin.Tests.Errors;
using IotAdmin.Tests.Support;
using Xunit;
using static IotAdmin.Tests.Errors.ErrorTableRows;

namespace IotAdmin.Tests.Integration
{
    /// <summary>One emulator for the error-model tests; faults are scripted per test through its control API.</summary>
    public sealed class SmallFleetFixture : IAsyncLifetime
    {
        internal Emulator Emulator { get; private set; } = null!;

        public IotSession Session { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Emulator = await Emulator.StartAsync(o => o.Devices = 60);
            Session = await Emulator.ConnectAsync(TestSessions.Unlimited(maxAttempts: 1));
        }

        public async Task DisposeAsync()
        {
            Session.Dispose();
            await Emulator.DisposeAsync();
        }
    }

    /// <summary>
    /// error-model.md §2 end to end: the emulator answers each status in each body style over real HTTP, and the
    /// exception, category and hint come out as the table says.
    /// </summary>
    [Collection("error model")]
    public class ErrorModelEndToEndTests : IClassFixture<SmallFleetFixture>
    {
        private readonly SmallFleetFixture _f;

        public ErrorModelEndToEndTests(SmallFleetFixture fixture) => _f = fixture;

        [Theory]
        [MemberData(nameof(DtRows), MemberType = typeof(ErrorTableRows))]
        public Task Dt_style(Row row) => AssertRowAsync(row, "dt");

        [Theory]
        [MemberData(nameof(GoogleRows), MemberType = typeof(ErrorTableRows))]
        public Task Google_style(Row row) => AssertRowAsync(row, "google");

        [Theory]
        [InlineData(502, "<html><body><h1>502 Bad Gateway</h1></body></html>", "502 Bad Gateway")]
        [InlineData(500, "", null)]
        [InlineData(400, "{\"error\": \"unterminated", "unterminated")]
        [InlineData(503, "{\"error\":{\"code\":503,\"status\":\"UNAVAILABLE\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"forever\"}]}}", null)]
        public async Task Malformed_bodies_fall_back_to_the_http_status(int status, string body, string? excerpt)
        {
            await _f.Emulator.AddFaultAsync(new { method = "GET", path = "/v2/projects/*", status, count = 1, body });
            var e = await CallAsync();
            Assert.Equal(status, e.StatusCode);
            Assert.Equal(CanonicalStatus.FromHttpStatus(status, null), e.Status);
            if (excerpt != null) Assert.Contains(excerpt, e.Message);
        }

        [Fact]
        public async Task A_ten_megabyte_body_is_bounded()
        {
            await _f.Emulator.AddFaultAsync(new { method = "GET", path = "/v2/projects/*", status = 500, count = 1, body = new string('x', 10 * 1024 * 1024) });
            var e = await CallAsync();
            Assert.Equal(IotErrorCategory.ResourceUnavailable, e.Category);
            Assert.True(e.Message.Length < 1200, "message length " + e.Message.Length);
            Assert.True(e.ServerMessage!.Length <= 501);
        }

        [Fact]
        public async Task A_deeply_nested_body_does_not_crash_the_parser()
        {
            var deep = "{\"error\":" + string.Concat(Enumerable.Repeat("[", 10_000)) + string.Concat(Enumerable.Repeat("]", 10_000)) + "}";
            await _f.Emulator.AddFaultAsync(new { method = "GET", path = "/v2/projects/*", status = 400, count = 1, body = deep });
            var e = await CallAsync();
            Assert.Equal(IotErrorCategory.InvalidArgument, e.Category);
            Assert.True(e.Message.Length < 1200);
        }

        [Fact]
        public async Task Transfer_to_a_missing_project_names_the_project()
        {
            var source = _f.Emulator.Server.ProjectIds[1];
            var e = await Assert.ThrowsAsync<IotApiException>(() => _f.Session.Backend.TransferAsync("c0nosuchprojectxxxxx", source, new[] { "c0whateverxxxxxxxxxx" }, ApiCallContext.Silent(), CancellationToken.None));
            Assert.Equal(404, e.StatusCode);
            Assert.Equal(IotErrorCategory.ObjectNotFound, e.Category);
            Assert.Contains("destination project 'c0nosuchprojectxxxxx' was not found", e.RecommendedAction);
            Assert.Equal("c0nosuchprojectxxxxx", e.Target);
        }

        [Fact]
        public async Task Error_record_carries_target_and_hint()
        {
            var project = _f.Emulator.Server.ProjectIds[1];
            await _f.Emulator.AddFaultAsync(new { method = "GET", path = "/v2/projects/" + project, status = 403, count = 1 });
            var output = new RecordingOutput();
            await IotAdmin.Operations.GetProjectOperation.RunAsync(_f.Session, new[] { project }, null, null, output, new ApiCallContext(output), CancellationToken.None);
            var error = Assert.Single(output.Errors);
            Assert.Equal("IotApiPermissionDenied", error.ErrorId);
            Assert.Equal(IotErrorCategory.PermissionDenied, error.Category);
            Assert.Equal(project, error.TargetObject);
            Assert.StartsWith("Do not retry: give the service account the role", error.RecommendedAction);
            Assert.False(error.IsTerminating);
        }

        [Fact]
        public async Task A_failed_lookup_by_id_names_each_device_asked_for()
        {
            var project = _f.Emulator.Server.ProjectIds[1];
            await _f.Emulator.AddFaultAsync(new { method = "GET", path = "/v2/projects/" + project + "/devices*", status = 403, count = 1 });
            var output = new RecordingOutput();
            var ids = new[] { "c0firstdevicexxxxxxx", "c0seconddevicexxxxxx" };
            await IotAdmin.Operations.GetDeviceOperation.RunAsync(_f.Session, new IotAdmin.Operations.GetDeviceRequest { ProjectId = project, DeviceIds = ids }, output, new ApiCallContext(output), CancellationToken.None);
            Assert.Equal(ids, output.Errors.Select(e => e.TargetObject));
            Assert.All(output.Errors, e => Assert.Equal("IotApiPermissionDenied", e.ErrorId));
        }

        private async Task AssertRowAsync(Row row, string style)
        {
            // A 401 is answered twice: the pipeline refreshes the token once and resends before giving up.
            var count = row.Http == 401 ? 2 : 1;
            await _f.Emulator.AddFaultAsync(new { method = "GET", path = "/v2/projects/*", status = row.Http, count, retryAfter = row.RetryAfterHeader, style, canonical = style == "google" ? row.Status : null, message = row.Message });
            var e = await CallAsync();
            Assert.Equal(row.Http, e.StatusCode);
            Assert.Equal(row.Status, e.Status);
            Assert.Equal(row.Category, e.Category);
            Assert.Equal(row.Retryable, e.IsRetryable);
            Assert.Equal(row.MinimumWaitSeconds.HasValue ? TimeSpan.FromSeconds(row.MinimumWaitSeconds.Value) : (TimeSpan?)null, e.RetryAfter);
            Assert.Equal("GET", e.Method);
            Assert.StartsWith("/v2/projects/", e.Path);
            var info = IotErrorInfo.FromApi(e);
            Assert.Equal(e.ErrorId, info.ErrorId);
            Assert.Equal(row.Category == IotErrorCategory.AuthenticationError, info.IsTerminating);
            if (row.Retryable) Assert.Contains("etry after " + ErrorClassifier.Seconds(e.RetryAfter!.Value), e.RecommendedAction);
            else Assert.StartsWith("Do not retry: ", e.RecommendedAction);
            if (style == "google") Assert.Equal("emulator.iotadmin.local", e.Domain);
            else Assert.Equal("https://docs.d21s.com/error/#" + row.Http, e.HelpUri);
        }

        private async Task<IotApiException> CallAsync()
        {
            var project = _f.Emulator.Server.ProjectIds[1];
            return await Assert.ThrowsAsync<IotApiException>(() => _f.Session.Backend.GetProjectAsync(project, ApiCallContext.Silent(), CancellationToken.None));
        }
    }
}
