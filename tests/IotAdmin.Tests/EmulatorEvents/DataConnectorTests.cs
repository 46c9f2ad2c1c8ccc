using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using IotAdmin.Tests.Support;
using Xunit;

namespace IotAdmin.Tests.EmulatorEvents
{
    /// <summary>Data connectors over raw HTTP (dt-api-admin.md §5): CRUD, signed HTTP_PUSH to a loopback receiver, retries, metrics, SYSTEM_DISABLED, :sync.</summary>
    public class DataConnectorTests
    {
        private const string Secret = "a-signature-secret-for-tests";

        private static Task<EventEmulator> QuietAsync(FakeTimeProvider clock, int disableAfter = 10) =>
            EventEmulator.StartAsync(o => { o.EventInterval = TimeSpan.Zero; o.ConnectorDisableAfter = disableAfter; }, clock);

        private static async Task<string> CreateAsync(EventEmulator emu, string project, string url, string[]? events = null)
        {
            var (status, body) = await emu.SendAsync(HttpMethod.Post, $"projects/{project}/dataconnectors", new
            {
                displayName = "to the test",
                type = "HTTP_PUSH",
                status = "ACTIVE",
                events = events ?? Array.Empty<string>(),
                labels = new[] { "name", "no-such-label" },
                httpConfig = new { url, signatureSecret = Secret, headers = new Dictionary<string, string> { ["X-Api-Key"] = "k-123" } },
            });
            Assert.True(status == 200, body.GetRawText());
            return body.GetProperty("name").GetString()!.Split('/').Last();
        }

        private static string Hex(byte[] hash) => Convert.ToHexString(hash).ToLowerInvariant();

        private static byte[] FromBase64Url(string s)
        {
            var b64 = s.Replace('-', '+').Replace('_', '/');
            return Convert.FromBase64String(b64.PadRight(b64.Length + ((4 - (b64.Length % 4)) % 4), '='));
        }

        private static string EventId(PushReceiver.Push p) => JsonDocument.Parse(p.Body).RootElement.GetProperty("event").GetProperty("eventId").GetString()!;

        [Fact]
        public async Task Each_event_is_pushed_signed_with_the_secret_and_both_checksums()
        {
            await using var receiver = await PushReceiver.StartAsync();
            await using var emu = await QuietAsync(new FakeTimeProvider());
            var (project, device) = (await emu.DevicesAsync("temperature")).First();
            await CreateAsync(emu, project, receiver.Url, new[] { "temperature" });

            await emu.PublishAsync(device, "touch"); // not in the connector's events
            var published = await emu.PublishAsync(device, "temperature");
            var push = await receiver.NextAsync();

            Assert.Equal("POST", push.Method);
            Assert.Equal("/dt-events", push.Path);
            Assert.Equal("k-123", push.Headers["X-Api-Key"]);
            Assert.StartsWith("application/json", push.Headers["Content-Type"]);
            var body = JsonDocument.Parse(push.Body).RootElement;
            Assert.Equal(published.GetRawText(), body.GetProperty("event").GetRawText());
            var device0 = await emu.GetAsync($"projects/{project}/devices/{device}");
            Assert.Equal(device0.GetProperty("labels").GetProperty("name").GetString(), body.GetProperty("labels").GetProperty("name").GetString());
            Assert.Single(body.GetProperty("labels").EnumerateObject());
            var metadata = body.GetProperty("metadata");
            Assert.Equal(device, metadata.GetProperty("deviceId").GetString());
            Assert.Equal(project, metadata.GetProperty("projectId").GetString());
            Assert.Equal("temperature", metadata.GetProperty("deviceType").GetString());
            Assert.Equal(device0.GetProperty("productNumber").GetString(), metadata.GetProperty("productNumber").GetString());

            // The receiver's check (DT's python-integrations): HS256 with the secret, then the body's checksums.
            var parts = push.Headers["X-Dt-Signature"].Split('.');
            Assert.Equal(3, parts.Length);
            Assert.Equal("HS256", JsonDocument.Parse(FromBase64Url(parts[0])).RootElement.GetProperty("alg").GetString());
            var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
            Assert.Equal(expected, FromBase64Url(parts[2]));
            var claims = JsonDocument.Parse(FromBase64Url(parts[1])).RootElement;
            Assert.Equal(Hex(SHA1.HashData(push.Body)), claims.GetProperty("checksum").GetString());
            Assert.Equal(Hex(SHA256.HashData(push.Body)), claims.GetProperty("checksum_sha256").GetString());
            Assert.Equal(3600, claims.GetProperty("exp").GetInt64() - claims.GetProperty("iat").GetInt64());
            Assert.Equal(20, claims.GetProperty("jti").GetString()!.Length);
            Assert.False(receiver.TryNext(out _));
        }

        [Fact]
        public async Task Failed_pushes_are_retried_counted_and_end_in_SYSTEM_DISABLED_then_a_fix_and_sync_re_push_the_latest_events()
        {
            var clock = new FakeTimeProvider();
            await using var receiver = await PushReceiver.StartAsync();
            receiver.Status = _ => 500;
            await using var emu = await QuietAsync(clock, disableAfter: 4);
            var devices = await emu.DevicesAsync("temperature");
            var project = devices[0].Project;
            var a = devices[0].Device;
            var b = (await emu.GetAsync($"projects/{project}/devices")).GetProperty("devices").EnumerateArray().Select(d => d.GetProperty("name").GetString()!.Split('/').Last()).First(d => d != a);
            var id = await CreateAsync(emu, project, receiver.Url);
            var path = $"projects/{project}/dataconnectors/{id}";

            // One event, sent again after 1, 2, 4 s (virtual) until the fourth failure disables the connector.
            var first = await emu.PublishAsync(a, "temperature");
            var attempts = await clock.RunAsync(Task.WhenAll(Enumerable.Range(0, 4).Select(_ => receiver.NextAsync())));
            Assert.All(attempts, p => Assert.Equal(Id(first), EventId(p)));
            Assert.Single(attempts.Select(p => Convert.ToBase64String(p.Body)).Distinct()); // the same body each time
            await WaitForStatusAsync(emu, path, "SYSTEM_DISABLED");
            var metrics = (await emu.GetAsync(path + ":metrics")).GetProperty("metrics");
            Assert.Equal(0, metrics.GetProperty("successCount").GetInt32());
            Assert.Equal(4, metrics.GetProperty("errorCount").GetInt32());
            Assert.EndsWith("s", metrics.GetProperty("latency99p").GetString());

            // While disabled nothing is forwarded, and :sync is refused.
            await emu.PublishAsync(a, "temperature");
            var latestA = await emu.PublishAsync(a, "temperature");
            var touchA = await emu.PublishAsync(a, "touch");
            var latestB = await emu.PublishAsync(b, "temperature");
            Assert.Equal(400, (await emu.SendAsync(HttpMethod.Post, path + ":sync")).Status);

            // Fixed: the receiver answers 200, the connector is enabled again, a sync re-pushes the latest of each type.
            receiver.Status = _ => 200;
            var (status, patched) = await emu.SendAsync(HttpMethod.Patch, path + "?update_mask=status", new { status = "ACTIVE", displayName = "ignored: not in the mask" });
            Assert.Equal(200, status);
            Assert.Equal("ACTIVE", patched.GetProperty("status").GetString());
            Assert.Equal("to the test", patched.GetProperty("displayName").GetString());
            Assert.Equal(200, (await emu.SendAsync(HttpMethod.Post, path + ":sync")).Status);
            var sentinel = await emu.PublishAsync(b, "touch");

            var synced = new List<string>();
            while (true)
            {
                var next = EventId(await receiver.NextAsync());
                if (next == Id(sentinel)) break;
                synced.Add(next);
            }

            Assert.Equal(new[] { Id(latestA), Id(touchA), Id(latestB) }.OrderBy(x => x), synced.OrderBy(x => x));
            await WaitForMetricsAsync(emu, path + ":metrics", success: 4, errors: 4);
        }

        [Fact]
        public async Task A_push_that_fails_twice_is_delivered_on_the_third_attempt()
        {
            var clock = new FakeTimeProvider();
            await using var receiver = await PushReceiver.StartAsync();
            receiver.Status = n => n <= 2 ? 503 : 200;
            await using var emu = await QuietAsync(clock);
            var (project, device) = (await emu.DevicesAsync("temperature")).First();
            var id = await CreateAsync(emu, project, receiver.Url);

            var published = await emu.PublishAsync(device, "temperature");
            var pushes = await clock.RunAsync(Task.WhenAll(Enumerable.Range(0, 3).Select(_ => receiver.NextAsync())));

            Assert.Equal(new[] { 503, 503, 200 }, pushes.Select(p => p.AnsweredStatus).OrderByDescending(s => s));
            Assert.All(pushes, p => Assert.Equal(Id(published), EventId(p)));
            await WaitForMetricsAsync(emu, $"projects/{project}/dataconnectors/{id}:metrics", success: 1, errors: 2);
            Assert.Equal("ACTIVE", (await emu.GetAsync($"projects/{project}/dataconnectors/{id}")).GetProperty("status").GetString());
        }

        [Fact]
        public async Task Connectors_are_created_read_listed_updated_and_deleted_and_bad_input_is_refused()
        {
            await using var emu = await QuietAsync(new FakeTimeProvider());
            var project = emu.Server.ProjectIds[1];
            var list = $"projects/{project}/dataconnectors";

            var refused = new object[]
            {
                new { type = "HTTP_PUSH", httpConfig = new { url = "https://example.com/hook" } },
                new { type = "HTTP_PUSH", httpConfig = new { url = "http://10.0.0.5/hook" } },
                new { type = "HTTP_PUSH" },
                new { type = "SMOKE_SIGNALS" },
                new { type = "HTTP_PUSH", status = "SYSTEM_DISABLED", httpConfig = new { url = "http://127.0.0.1:9/hook" } },
                new { type = "HTTP_PUSH", events = new[] { "temprature" }, httpConfig = new { url = "http://127.0.0.1:9/hook" } },
            };
            foreach (var body in refused) Assert.Equal(400, (await emu.SendAsync(HttpMethod.Post, list, body)).Status);

            var id = await CreateAsync(emu, project, "http://127.0.0.1:9/hook");
            var (status, other) = await emu.SendAsync(HttpMethod.Post, list, new { type = "AZURE_EVENT_HUB", displayName = "hub", azureEventHubConfig = new { url = "sb://ns.servicebus.windows.net/hub", authenticationConfig = new { tenantId = "t", clientId = "c" } } });
            Assert.Equal(200, status);
            Assert.Equal("t", other.GetProperty("azureEventHubConfig").GetProperty("authenticationConfig").GetProperty("tenantId").GetString());

            var got = await emu.GetAsync($"{list}/{id}");
            Assert.Equal($"projects/{project}/dataconnectors/{id}", got.GetProperty("name").GetString());
            Assert.Equal("HTTP_PUSH", got.GetProperty("type").GetString());
            Assert.Equal(Secret, got.GetProperty("httpConfig").GetProperty("signatureSecret").GetString()); // as DT's API returns it
            var page1 = await emu.GetAsync($"{list}?pageSize=1");
            var page2 = await emu.GetAsync($"{list}?pageSize=1&pageToken={page1.GetProperty("nextPageToken").GetString()}");
            Assert.Equal(2, page1.GetProperty("dataConnectors").EnumerateArray().Concat(page2.GetProperty("dataConnectors").EnumerateArray()).Select(c => c.GetProperty("name").GetString()).Distinct().Count());
            Assert.Equal(string.Empty, page2.GetProperty("nextPageToken").GetString());

            // PATCH without a mask: fields present, httpConfig merged field by field.
            var (patchStatus, patched) = await emu.SendAsync(HttpMethod.Patch, $"{list}/{id}", new { status = "USER_DISABLED", httpConfig = new { url = "http://localhost:9/other" } });
            Assert.Equal(200, patchStatus);
            Assert.Equal("USER_DISABLED", patched.GetProperty("status").GetString());
            Assert.Equal("http://localhost:9/other", patched.GetProperty("httpConfig").GetProperty("url").GetString());
            Assert.Equal("k-123", patched.GetProperty("httpConfig").GetProperty("headers").GetProperty("X-Api-Key").GetString());
            Assert.Equal(400, (await emu.SendAsync(HttpMethod.Patch, $"{list}/{id}", new { type = "AWS_SQS" })).Status);
            Assert.Equal(400, (await emu.SendAsync(HttpMethod.Patch, $"{list}/{id}", new { status = "SYSTEM_DISABLED" })).Status);
            Assert.Equal(400, (await emu.SendAsync(HttpMethod.Patch, $"{list}/{id}", new { httpConfig = new { url = "https://example.com" } })).Status);

            Assert.Equal(200, (await emu.SendAsync(HttpMethod.Delete, $"{list}/{id}")).Status);
            Assert.Equal(404, (await emu.SendAsync(HttpMethod.Get, $"{list}/{id}")).Status);
            Assert.Equal(404, (await emu.SendAsync(HttpMethod.Get, $"projects/nosuchproject0000000/dataconnectors")).Status);
        }

        [Fact]
        public async Task A_project_with_data_connectors_cannot_be_deleted()
        {
            await using var emu = await QuietAsync(new FakeTimeProvider());
            var (status, project) = await emu.SendAsync(HttpMethod.Post, "projects", new { displayName = "to delete", organization = "organizations/" + emu.Server.OrganizationId });
            Assert.True(status == 200, project.GetRawText());
            var projectId = project.GetProperty("name").GetString()!.Split('/').Last();
            var id = await CreateAsync(emu, projectId, "http://127.0.0.1:9/hook");

            var (refused, body) = await emu.SendAsync(HttpMethod.Delete, "projects/" + projectId);
            Assert.Equal(400, refused);
            Assert.Contains("data connector", body.GetRawText());
            Assert.Equal(200, (await emu.SendAsync(HttpMethod.Delete, $"projects/{projectId}/dataconnectors/{id}")).Status);
            Assert.Equal(200, (await emu.SendAsync(HttpMethod.Delete, "projects/" + projectId)).Status);
        }

        private static string Id(JsonElement e) => e.GetProperty("eventId").GetString()!;

        /// <summary>The connector's status after the worker has taken in the receiver's answer (a bounded wait, no timing assertion).</summary>
        private static async Task WaitForStatusAsync(EventEmulator emu, string path, string status)
        {
            for (var i = 0; i < 2000; i++)
            {
                if ((await emu.GetAsync(path)).GetProperty("status").GetString() == status) return;
                await Task.Delay(10);
            }

            Assert.Fail($"{path} never became {status}");
        }

        private static async Task WaitForMetricsAsync(EventEmulator emu, string path, int success, int errors)
        {
            JsonElement m = default;
            for (var i = 0; i < 2000; i++)
            {
                m = (await emu.GetAsync(path)).GetProperty("metrics");
                if (m.GetProperty("successCount").GetInt32() == success && m.GetProperty("errorCount").GetInt32() == errors) return;
                await Task.Delay(10);
            }

            Assert.Fail($"metrics stayed {m.GetRawText()}");
        }
    }
}
