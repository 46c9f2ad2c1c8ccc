using System;
using System.Collections;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Auth;
using IotAdmin.Models;
using IotAdmin.Operations;
using IotAdmin.Tests.EmulatorEvents;
using IotAdmin.Tests.Support;
using Xunit;

namespace IotAdmin.Tests.Integration
{
    /// <summary>The data connector cmdlets' operation against the emulator over HTTP, pushing to a loopback receiver in the test.</summary>
    public class DataConnectorEndToEndTests
    {
        private const string Secret = "dc-s3cret-7f3a9b";

        [Fact]
        public async Task A_connector_is_created_found_unhealthy_fixed_and_resynced_and_its_secret_never_shows()
        {
            await using var emu = await Emulator.StartAsync(o => { o.Devices = 8; o.Projects = 2; o.EventInterval = TimeSpan.Zero; o.ConnectorDisableAfter = 2; });
            using var session = await emu.ConnectAsync();
            await using var receiver = await PushReceiver.StartAsync();
            receiver.Status = _ => 500;
            var devices = new RecordingOutput();
            await GetDeviceOperation.RunAsync(session, new GetDeviceRequest { DeviceTypes = new[] { "temperature" } }, devices, CancellationToken.None);
            var device = devices.Objects.Cast<IotDevice>().First(d => !d.IsEmulated);
            var project = device.ProjectId;
            var output = new RecordingOutput();

            // Created, signed, with a header.
            await DataConnectorOperation.NewAsync(session, new DataConnectorRequest { ProjectId = project, Url = receiver.Url, DisplayName = "warehouse", SignatureSecret = ServiceAccountCredential.ToSecure(Secret), Headers = new Hashtable { ["X-Team"] = "ops" }, EventTypes = new[] { "temperature" }, Labels = new[] { "name" } }, output, CancellationToken.None);
            Assert.Empty(output.Errors);
            var created = Assert.IsType<IotDataConnector>(Assert.Single(output.Objects));
            Assert.Equal(("HTTP_PUSH", "ACTIVE", "warehouse", receiver.Url), (created.Type, created.Status, created.DisplayName, created.Url));
            Assert.True(created.HasSignatureSecret);
            Assert.Equal("ops", created.Headers["X-Team"]);
            Assert.Equal(new[] { "temperature" }, created.EventTypes);
            Assert.False(created.Config.ContainsKey("signatureSecret"));
            var id = created.DataConnectorId;

            // Unhealthy: the receiver fails, the service gives up.
            await EventStreamEndToEndTests.PublishAsync(emu, device.DeviceId, 30);
            IotDataConnector? current = null;
            for (var i = 0; i < 200 && current?.Status != "SYSTEM_DISABLED"; i++)
            {
                var read = new RecordingOutput();
                await DataConnectorOperation.GetAsync(session, project, new[] { id }, read, CancellationToken.None);
                current = (IotDataConnector)read.Objects.Single();
                if (current.Status != "SYSTEM_DISABLED") await Task.Delay(100);
            }

            Assert.Equal("SYSTEM_DISABLED", current!.Status);
            var metrics = new RecordingOutput();
            await DataConnectorOperation.MetricAsync(session, project, new[] { id }, metrics, CancellationToken.None);
            var metric = Assert.IsType<IotDataConnectorMetric>(Assert.Single(metrics.Objects));
            Assert.True(metric.ErrorCount >= 2, metric.ToString());
            Assert.Equal(0, metric.SuccessCount);
            while (receiver.TryNext(out _))
            {
            }

            // Fixed and re-synced: the latest temperature arrives, signed with the secret.
            receiver.Status = _ => 200;
            await DataConnectorOperation.UpdateAsync(session, new DataConnectorRequest { ProjectId = project, Status = "ACTIVE" }, new[] { id }, "enable", output, CancellationToken.None);
            await DataConnectorOperation.SyncAsync(session, project, new[] { id }, output, CancellationToken.None);
            var push = await receiver.NextAsync();
            Assert.Equal("ops", push.Headers["X-Team"]);
            VerifySignature(push.Headers["X-Dt-Signature"], push.Body);
            Assert.Equal("temperature", JsonDocument.Parse(push.Body).RootElement.GetProperty("event").GetProperty("eventType").GetString());

            // Changed, then removed; a removed connector is an error naming it.
            await DataConnectorOperation.UpdateAsync(session, new DataConnectorRequest { ProjectId = project, DisplayName = "warehouse-2", EventTypes = new[] { "temperature", "touch" } }, new[] { id }, "change", output, CancellationToken.None);
            var changed = output.Objects.OfType<IotDataConnector>().Last();
            Assert.Equal(("warehouse-2", "ACTIVE"), (changed.DisplayName, changed.Status));
            Assert.Equal(new[] { "temperature", "touch" }, changed.EventTypes);
            Assert.True(changed.HasSignatureSecret);
            await DataConnectorOperation.RemoveAsync(session, project, new[] { id }, output, CancellationToken.None);
            var gone = new RecordingOutput();
            await DataConnectorOperation.GetAsync(session, project, new[] { id }, gone, CancellationToken.None);
            Assert.Equal(id, Assert.Single(gone.Errors).TargetObject);
            Assert.Equal("IotApiNotFound", gone.Errors[0].ErrorId);

            // The secret is in no object, text, message or error of any step.
            var everything = output.AllText().Concat(metrics.AllText()).Concat(gone.AllText())
                .Concat(output.Objects.Select(o => o.ToString()!))
                .Concat(output.Objects.OfType<IotDataConnector>().Select(c => c.Config.ToString() + JsonSerializer.Serialize(c.Config)));
            Assert.DoesNotContain(everything, text => text.Contains(Secret, StringComparison.Ordinal));
        }

        [Fact]
        public async Task Bad_input_ends_before_any_request()
        {
            await using var emu = await Emulator.StartAsync(o => o.EventInterval = TimeSpan.Zero);
            using var session = await emu.ConnectAsync();
            var before = (await emu.StatsAsync()).ApiRequests();
            await Assert.ThrowsAsync<ArgumentException>(() => DataConnectorOperation.NewAsync(session, new DataConnectorRequest { ProjectId = "p1", Url = "ftp://example.org/x" }, new RecordingOutput(), CancellationToken.None));
            await Assert.ThrowsAsync<ArgumentException>(() => DataConnectorOperation.NewAsync(session, new DataConnectorRequest { ProjectId = "p1", Url = "https://example.org/x", Headers = new Hashtable { ["bad name"] = "v" } }, new RecordingOutput(), CancellationToken.None));
            await Assert.ThrowsAsync<ArgumentException>(() => DataConnectorOperation.UpdateAsync(session, new DataConnectorRequest { ProjectId = "p1", Status = "SYSTEM_DISABLED" }, new[] { "dc1" }, "x", new RecordingOutput(), CancellationToken.None));
            await Assert.ThrowsAsync<ArgumentException>(() => DataConnectorOperation.RemoveAsync(session, "p1", new[] { "not an id" }, new RecordingOutput(), CancellationToken.None));
            Assert.Equal(before, (await emu.StatsAsync()).ApiRequests());
        }

        /// <summary>X-Dt-Signature: an HS256 JWT keyed with the secret, whose checksum_sha256 is the body's.</summary>
        private static void VerifySignature(string jwt, byte[] body)
        {
            var parts = jwt.Split('.');
            Assert.Equal(3, parts.Length);
            using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(Secret));
            var expected = Convert.ToBase64String(hmac.ComputeHash(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            Assert.Equal(expected, parts[2]);
            var payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload += new string('=', (4 - payload.Length % 4) % 4);
            var claims = JsonDocument.Parse(Convert.FromBase64String(payload)).RootElement;
            Assert.Equal(Convert.ToHexString(SHA256.HashData(body)).ToLowerInvariant(), claims.GetProperty("checksum_sha256").GetString());
        }
    }
}
