using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
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

namespace IotAdmin.Tests.Integration
{
    /// <summary>Issue 7: the same operations against the emulator's Cloud IoT Core-compatible API (/v1).</summary>
    [Collection("google")]
    public class GoogleBackendTests
    {
        [Fact]
        public async Task Connects_with_an_rs256_key_and_lists_registries_and_devices_across_pages()
        {
            await using var g = await GoogleEmulator.StartAsync(o => { o.Devices = 1200; o.Projects = 2; });
            using var session = await g.ConnectAsync();
            Assert.Equal("GoogleIotCore", session.Provider);
            Assert.EndsWith("/v1/", session.Endpoint.AbsoluteUri);
            var output = new RecordingOutput();
            await GetProjectOperation.RunAsync(session, null, null, null, output, new ApiCallContext(output), CancellationToken.None);
            var registries = output.Objects.Cast<IotProject>().ToList();
            Assert.Equal(g.Server.ProjectIds.OrderBy(i => i), registries.Select(r => r.ProjectId).OrderBy(i => i));
            Assert.All(registries, r => Assert.Equal("projects/emulated-project/locations/us-central1/registries/" + r.ProjectId, r.Name));

            var context = ApiCallContext.Silent();
            var all = await ListAsync(session, new GetDeviceRequest(), context);
            Assert.Equal(1200, all.Count);
            Assert.Equal(1200, all.Select(d => d.DeviceId).Distinct().Count());
            Assert.All(all, d => Assert.False(string.IsNullOrEmpty(d.NumId)));
            Assert.Equal(1 + 1 + 3, context.Counters.Requests); // the registries, then ~120 devices in 1 page and ~1,080 in 3 pages of 500
        }

        [Fact]
        public async Task Filters_the_api_lacks_are_applied_and_the_ones_it_cannot_answer_are_refused()
        {
            await using var g = await GoogleEmulator.StartAsync(o => { o.Devices = 300; o.Projects = 2; });
            using var session = await g.ConnectAsync();
            var registry = g.Server.ProjectIds[1];
            var all = await ListAsync(session, new GetDeviceRequest { ProjectId = registry });
            var withFloor = await ListAsync(session, new GetDeviceRequest { ProjectId = registry, Labels = new Hashtable { ["floor"] = "3" } });
            Assert.Equal(all.Count(d => d.Labels.TryGetValue("floor", out var f) && f == "3"), withFloor.Count);
            var gateways = await ListAsync(session, new GetDeviceRequest { ProjectId = registry, DeviceTypes = new[] { "gateway" } });
            Assert.NotEmpty(gateways);
            Assert.All(gateways, d => Assert.Equal("gateway", d.Type));
            var byId = await ListAsync(session, new GetDeviceRequest { ProjectId = registry, DeviceIds = all.Take(3).Select(d => d.DeviceId).ToList() });
            Assert.Equal(3, byId.Count);
            await Assert.ThrowsAsync<ArgumentException>(() => ListAsync(session, new GetDeviceRequest { ProjectId = registry, OrderBy = "labels.name" }));
            await Assert.ThrowsAsync<ArgumentException>(() => ListAsync(session, new GetDeviceRequest { ProjectId = registry, ProductNumbers = new[] { "102058" } }));
        }

        [Fact]
        public async Task Labels_are_metadata_changed_by_read_modify_write_without_losing_a_concurrent_change()
        {
            await using var g = await GoogleEmulator.StartAsync(o => { o.Devices = 60; o.Projects = 2; o.LatencyMs = 30; });
            using var session = await g.ConnectAsync();
            var registry = g.Server.ProjectIds[1];
            var devices = (await ListAsync(session, new GetDeviceRequest { ProjectId = registry })).Take(6).ToList();

            // Two runs change different keys of the same devices at the same time; the emulator answers ABORTED to
            // the overlapping writes, and the loser re-reads and re-applies.
            var a = PipelineSimulation.RunAsync(devices.Select(d => DeviceRef.FromIds(registry, d.DeviceId)), new SetLabelOperation(session, new Hashtable { ["alpha"] = "1" }, new BulkOptions()), new RecordingOutput());
            var b = PipelineSimulation.RunAsync(devices.Select(d => DeviceRef.FromIds(registry, d.DeviceId)), new SetLabelOperation(session, new Hashtable { ["beta"] = "2" }, new BulkOptions()), new RecordingOutput());
            var summaries = await Task.WhenAll(a, b);
            Assert.All(summaries, s => Assert.Equal(6, s.Succeeded));

            var after = await ListAsync(session, new GetDeviceRequest { ProjectId = registry, DeviceIds = devices.Select(d => d.DeviceId).ToList() });
            Assert.All(after, d =>
            {
                Assert.Equal("1", d.Labels["alpha"]);
                Assert.Equal("2", d.Labels["beta"]);
                Assert.Equal(devices.Single(x => x.DeviceId == d.DeviceId).Labels["name"], d.Labels["name"]);
            });

            var removed = await PipelineSimulation.RunAsync(after.Select(DeviceRef.FromDevice), new RemoveLabelOperation(session, new[] { "alpha" }, new BulkOptions()), new RecordingOutput());
            Assert.Equal(6, removed.Succeeded);
            Assert.All(await ListAsync(session, new GetDeviceRequest { ProjectId = registry, DeviceIds = devices.Select(d => d.DeviceId).ToList() }), d => Assert.False(d.Labels.ContainsKey("alpha")));
        }

        [Fact]
        public async Task An_aborted_write_is_read_again_and_re_applied()
        {
            await using var g = await GoogleEmulator.StartAsync(o => { o.Devices = 20; o.Projects = 2; });
            using var session = await g.ConnectAsync();
            var registry = g.Server.ProjectIds[1];
            var device = (await ListAsync(session, new GetDeviceRequest { ProjectId = registry })).First();
            await g.AddFaultAsync(new { method = "PATCH", path = "/v1/projects/*/devices/" + device.DeviceId, status = 409, count = 1, message = "The request conflicted with another request." });
            var output = new RecordingOutput();
            var summary = await PipelineSimulation.RunAsync(new[] { DeviceRef.FromIds(registry, device.DeviceId) }, new SetLabelOperation(session, new Hashtable { ["gamma"] = "3" }, new BulkOptions()), output);
            Assert.Equal(1, summary.Succeeded);
            Assert.Equal(1, summary.Retries);
            Assert.Contains(output.VerboseMessages, m => m.StartsWith("Retrying PATCH /v1/projects/") && m.Contains("/devices/" + device.DeviceId + " after HTTP 409 ABORTED (attempt 2 of 6)") && m.EndsWith(", then reading the device again and re-applying the change."));
            var stats = await g.StatsAsync();
            Assert.Equal(2, stats.ByRoute("PATCH /v1/projects/{p}/locations/{l}/registries/{r}/devices/{d}"));
            Assert.Equal(2, stats.ByRoute("GET /v1/projects/{p}/locations/{l}/registries/{r}/devices/{d}"));
            Assert.Equal("3", (await ListAsync(session, new GetDeviceRequest { ProjectId = registry, DeviceIds = new[] { device.DeviceId } })).Single().Labels["gamma"]);
        }

        [Fact]
        public async Task A_per_device_error_names_the_request_that_was_really_made()
        {
            await using var g = await GoogleEmulator.StartAsync(o => { o.Devices = 10; o.Projects = 2; });
            using var session = await g.ConnectAsync();
            var registry = g.Server.ProjectIds[1];
            var device = (await ListAsync(session, new GetDeviceRequest { ProjectId = registry })).First();
            await g.AddFaultAsync(new { method = "PATCH", path = "/v1/projects/*/devices/" + device.DeviceId, status = 403, count = 1, message = "no write access to this device" });
            var output = new RecordingOutput();
            var summary = await PipelineSimulation.RunAsync(new[] { DeviceRef.FromIds(registry, device.DeviceId), DeviceRef.FromIds(registry, "missing-device") }, new SetLabelOperation(session, new Hashtable { ["zone"] = "north" }, new BulkOptions()), output);

            Assert.Equal(2, summary.Failed);
            var denied = (IotApiException)output.Errors.Single(e => e.TargetObject as string == "projects/" + registry + "/devices/" + device.DeviceId).Exception;
            Assert.Equal("PATCH", denied.Method);
            Assert.Equal(403, denied.StatusCode); // the real answer, not a status rebuilt from text
            Assert.EndsWith("/registries/" + registry + "/devices/" + device.DeviceId, denied.Path);
            Assert.Equal("IotApiPermissionDenied", denied.ErrorId);
            var missing = (IotApiException)output.Errors.Single(e => e.TargetObject as string == "projects/" + registry + "/devices/missing-device").Exception;
            Assert.StartsWith("GET /v1/projects/emulated-project/locations/us-central1/registries/" + registry + "/devices/missing-device failed for device 'missing-device' with HTTP 404 NOT_FOUND", missing.Message);
            Assert.All(output.Errors, e => Assert.DoesNotContain("batchUpdate", e.Message));
        }

        [Fact]
        public async Task Metadata_limits_are_checked_before_any_request()
        {
            await using var g = await GoogleEmulator.StartAsync(o => o.Devices = 10);
            using var session = await g.ConnectAsync();
            var before = (await g.StatsAsync()).Requests;
            var e = Assert.Throws<ArgumentException>(() => new SetLabelOperation(session, new Hashtable { ["1starts-with-digit"] = "x" }, new BulkOptions()));
            Assert.Contains("must start with a letter", e.Message);
            Assert.Throws<ArgumentException>(() => new SetLabelOperation(session, new Hashtable { ["ok"] = new string('v', 33 * 1024) }, new BulkOptions()));
            Assert.Equal(before, (await g.StatsAsync()).Requests);
        }

        [Fact]
        public async Task Moving_a_device_is_not_implemented_and_says_what_to_do()
        {
            await using var g = await GoogleEmulator.StartAsync(o => { o.Devices = 10; o.Projects = 2; });
            using var session = await g.ConnectAsync();
            var device = (await ListAsync(session, new GetDeviceRequest { ProjectId = g.Server.ProjectIds[1] })).First();
            var operation = new MoveDeviceOperation(session, g.Server.ProjectIds[0], new BulkOptions());
            var e = await Assert.ThrowsAsync<IotApiException>(() => operation.AddAsync(DeviceRef.FromDevice(device), new RecordingOutput(), CancellationToken.None));
            Assert.Equal(IotErrorCategory.NotImplemented, e.Category);
            Assert.Equal("IotApiUnimplemented", e.ErrorId);
            Assert.Contains("no API to move a device between registries", e.Message);
            Assert.Contains("new numId", e.RecommendedAction);
            Assert.Equal(0, (await g.StatsAsync()).Mutations);
        }

        [Fact]
        public async Task Google_errors_with_retry_info_and_quota_failure_are_read_and_retried()
        {
            await using var g = await GoogleEmulator.StartAsync(o => { o.Devices = 10; o.Projects = 2; });
            var options = TestSessions.Unlimited(maxAttempts: 1);
            using var strict = await g.ConnectAsync(options);
            await g.AddFaultAsync(new { method = "GET", path = "/v1/projects/*/registries/*/devices*", status = 429, count = 1, retryAfter = 2 });
            var e = await Assert.ThrowsAsync<IotApiException>(() => ListAsync(strict, new GetDeviceRequest { ProjectId = g.Server.ProjectIds[1] }));
            Assert.Equal("RESOURCE_EXHAUSTED", e.Status);
            Assert.Equal(IotErrorCategory.QuotaExceeded, e.Category);
            Assert.Equal(TimeSpan.FromSeconds(2), e.RetryAfter);
            Assert.Contains(e.Violations, v => v.StartsWith("quota", StringComparison.Ordinal));
            Assert.Equal("emulator.iotadmin.local", e.Domain);

            using var patient = await g.ConnectAsync(new IotSessionOptions { RateLimit = new RateLimitOptions(0, TimeSpan.FromSeconds(10)) });
            await g.AddFaultAsync(new { method = "GET", path = "/v1/projects/*/registries/*/devices*", status = 503, count = 1 });
            var context = ApiCallContext.Silent();
            Assert.NotEmpty(await ListAsync(patient, new GetDeviceRequest { ProjectId = g.Server.ProjectIds[1] }, context));
            Assert.Equal(1, context.Counters.Retries);
        }

        [Fact]
        public async Task The_shared_limiter_keeps_the_google_account_under_a_scaled_limit()
        {
            await using var g = await GoogleEmulator.StartAsync(o => { o.Devices = 10; o.RateLimit = 100; o.RateWindowSeconds = 2; });
            using var session = await g.ConnectAsync(new IotSessionOptions { RateLimit = new RateLimitOptions(100, TimeSpan.FromSeconds(2)) });
            var context = ApiCallContext.Silent();
            var registry = g.Server.ProjectIds[1];
            // Two and a half windows' worth: the first 98 go at once, the rest wait for the window to reopen.
            for (var i = 0; i < 250; i++) await session.Backend.GetProjectAsync(registry, context, CancellationToken.None);
            var stats = await g.StatsAsync();
            Assert.Equal(0, stats.Throttled);
            Assert.Equal(0, context.Counters.ServerThrottled);
            Assert.True(context.Counters.LimiterWait > TimeSpan.Zero, "the limiter held requests back");
        }

        [Fact]
        public async Task A_tampered_key_is_an_authentication_failure()
        {
            await using var g = await GoogleEmulator.StartAsync(o => o.Devices = 10);
            await using var other = await GoogleEmulator.StartAsync(o => o.Devices = 10);
            // The other emulator's key is well formed but not the one this emulator accepts.
            var e = await Assert.ThrowsAsync<IotApiException>(() => g.ConnectAsync(keyFile: other.KeyFile, tokenEndpoint: g.Server.BaseAddress + "google/oauth2/token"));
            Assert.Equal(IotErrorCategory.AuthenticationError, e.Category);
            Assert.Equal("invalid_grant", e.Reason);
        }

        private static async Task<List<IotDevice>> ListAsync(IotSession session, GetDeviceRequest request, ApiCallContext? context = null)
        {
            var output = new RecordingOutput();
            await GetDeviceOperation.RunAsync(session, request, output, context ?? new ApiCallContext(output), CancellationToken.None);
            if (output.Errors.Count > 0 && output.Errors[0].Exception is IotApiException api) throw api;
            return output.Objects.Cast<IotDevice>().ToList();
        }

        /// <summary>An emulator plus its Google key file (written to a temp file, as users would keep one).</summary>
        internal sealed class GoogleEmulator : IAsyncDisposable
        {
            private readonly Emulator _emulator;

            private GoogleEmulator(Emulator emulator, string keyFile)
            {
                _emulator = emulator;
                KeyFile = keyFile;
            }

            public IotAdmin.Emulator.EmulatorServer Server => _emulator.Server;

            public string KeyFile { get; }

            public static async Task<GoogleEmulator> StartAsync(Action<IotAdmin.Emulator.EmulatorOptions> configure)
            {
                var emulator = await Emulator.StartAsync(configure);
                var keyFile = Path.Combine(Path.GetTempPath(), "iotadmin-google-" + Guid.NewGuid().ToString("N") + ".json");
                await File.WriteAllTextAsync(keyFile, emulator.Server.GoogleKeyFileJson);
                return new GoogleEmulator(emulator, keyFile);
            }

            public Task<IotSession> ConnectAsync(IotSessionOptions? options = null, string? keyFile = null, string? tokenEndpoint = null)
            {
                options ??= new IotSessionOptions { RateLimit = new RateLimitOptions(0, TimeSpan.FromSeconds(10)) };
                var request = new ConnectRequest { Provider = "GoogleIotCore", KeyFile = keyFile ?? KeyFile, Endpoint = Server.GoogleApiRoot.AbsoluteUri, TokenEndpoint = tokenEndpoint, Options = options };
                return ConnectOperation.ConnectAsync(request, new RecordingOutput(), new SessionDependencies { Limiter = new ClientRateLimiter(options.RateLimit!, TimeProvider.System) }, CancellationToken.None);
            }

            public Task AddFaultAsync(object fault) => _emulator.AddFaultAsync(fault);

            public Task<Emulator.Stats> StatsAsync() => _emulator.StatsAsync();

            public async ValueTask DisposeAsync()
            {
                File.Delete(KeyFile);
                await _emulator.DisposeAsync();
            }
        }
    }
}
