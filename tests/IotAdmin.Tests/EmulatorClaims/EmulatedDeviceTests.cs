using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using IotAdmin.Tests.EmulatorEvents;
using IotAdmin.Tests.Support;
using Xunit;

namespace IotAdmin.Tests.EmulatorClaims
{
    /// <summary>DT's hosted emulator API at /emulator/v2 over raw HTTP: emulated devices created in bulk, published to, read back, deleted.</summary>
    public class EmulatedDeviceTests
    {
        private static string Emu(EventEmulator emu, string path) => new Uri(emu.Server.BaseAddress, "emulator/v2/" + path).AbsoluteUri;

        [Fact]
        public async Task Emulated_devices_are_created_in_bulk_published_to_read_back_and_deleted()
        {
            await using var emu = await EventEmulator.StartAsync(o => o.EventInterval = TimeSpan.Zero, new FakeTimeProvider());
            var project = emu.Server.ProjectIds[2];
            var created = new List<string>();
            for (var i = 0; i < 30; i++)
            {
                var (status, device) = await emu.SendAsync(HttpMethod.Post, Emu(emu, $"projects/{project}/devices"), new { type = i % 2 == 0 ? "temperature" : "humidity", labels = new Dictionary<string, string> { ["batch"] = "ci" } });
                Assert.Equal(200, status);
                var id = device.GetProperty("name").GetString()!.Split('/').Last();
                Assert.StartsWith("emu", id);
                Assert.Equal(string.Empty, device.GetProperty("labels").GetProperty("virtual-sensor").GetString());
                Assert.Equal($"Emulated {device.GetProperty("type").GetString()}: {id}", device.GetProperty("labels").GetProperty("name").GetString());
                created.Add(id);
            }

            // The emulator's list holds only emulated devices, paged.
            var listed = new List<string>();
            var token = string.Empty;
            do
            {
                var page = await emu.GetAsync(Emu(emu, $"projects/{project}/devices?pageSize=7&pageToken={token}"));
                listed.AddRange(page.GetProperty("devices").EnumerateArray().Select(d => d.GetProperty("name").GetString()!.Split('/').Last()));
                token = page.GetProperty("nextPageToken").GetString()!;
            }
            while (token.Length > 0);
            Assert.Superset(created.ToHashSet(), listed.ToHashSet());
            Assert.All(listed, id => Assert.StartsWith("emu", id));

            // A temperature published with its value only: reported gets every key DT's clients read.
            var (temperature, humidity) = (created[0], created[1]);
            Assert.Equal(200, (await emu.SendAsync(HttpMethod.Post, Emu(emu, $"projects/{project}/devices/{temperature}:publish"), new { temperature = new { value = 30.0 } })).Status);
            var reported = (await emu.GetAsync($"projects/{project}/devices/{temperature}")).GetProperty("reported").GetProperty("temperature");
            Assert.Equal(30.0, reported.GetProperty("value").GetDouble());
            Assert.Equal(30.0, reported.GetProperty("samples")[0].GetProperty("value").GetDouble());
            Assert.False(reported.GetProperty("isBackfilled").GetBoolean());
            Assert.Equal(reported.GetProperty("updateTime").GetString(), reported.GetProperty("samples")[0].GetProperty("sampleTime").GetString());
            var history = (await emu.GetAsync($"projects/{project}/devices/{temperature}/events")).GetProperty("events");
            Assert.Equal(reported.GetRawText(), Assert.Single(history.EnumerateArray()).GetProperty("data").GetProperty("temperature").GetRawText());

            // PY's publish spellings: snake_case names and celsius in humidity samples; networkStatus without optional fields.
            Assert.Equal(200, (await emu.SendAsync(HttpMethod.Post, Emu(emu, $"projects/{project}/devices/{humidity}:publish"), new { humidity = new { temperature = 21.0, relative_humidity = 40.5, samples = new[] { new { celsius = 21.0, relative_humidity = 40.5, sample_time = "2026-11-22T11:59:00Z" } } } })).Status);
            Assert.Equal(200, (await emu.SendAsync(HttpMethod.Post, Emu(emu, $"projects/{project}/devices/{humidity}:publish"), new { networkStatus = new { signal_strength = 80, cloud_connectors = new[] { new { id = "ccon1", signal_strength = 80, rssi = -60 } } } })).Status);
            var hr = (await emu.GetAsync($"projects/{project}/devices/{humidity}")).GetProperty("reported");
            Assert.Equal(40.5, hr.GetProperty("humidity").GetProperty("relativeHumidity").GetDouble());
            Assert.Equal(21.0, hr.GetProperty("humidity").GetProperty("samples")[0].GetProperty("temperature").GetDouble());
            Assert.Equal("ccon1", hr.GetProperty("networkStatus").GetProperty("cloudConnectors")[0].GetProperty("id").GetString());
            foreach (var key in new[] { "signalStrength", "rssi", "transmissionMode", "updateTime" }) Assert.True(hr.GetProperty("networkStatus").TryGetProperty(key, out _), key);

            // Events the device type does not send, and labelsChanged, are refused.
            Assert.Equal(400, (await emu.SendAsync(HttpMethod.Post, Emu(emu, $"projects/{project}/devices/{temperature}:publish"), new { co2 = new { ppm = 500 } })).Status);
            Assert.Equal(400, (await emu.SendAsync(HttpMethod.Post, Emu(emu, $"projects/{project}/devices/{temperature}:publish"), new { temperature = new { } })).Status);
            Assert.Equal(400, (await emu.SendAsync(HttpMethod.Post, Emu(emu, $"projects/{project}/devices"), new { type = "rocket" })).Status);

            // TF's update: PUT {name,type,labels}; then delete.
            var (putStatus, put) = await emu.SendAsync(HttpMethod.Put, Emu(emu, $"projects/{project}/devices/{temperature}"), new { type = "temperature", labels = new Dictionary<string, string> { ["room"] = "lab" } });
            Assert.Equal(200, putStatus);
            Assert.Equal("lab", put.GetProperty("labels").GetProperty("room").GetString());
            Assert.False(put.GetProperty("labels").TryGetProperty("batch", out _));
            Assert.True(put.GetProperty("labels").TryGetProperty("virtual-sensor", out _));
            foreach (var id in created) Assert.Equal(200, (await emu.SendAsync(HttpMethod.Delete, Emu(emu, $"projects/{project}/devices/{id}"))).Status);
            Assert.Equal(404, (await emu.SendAsync(HttpMethod.Get, Emu(emu, $"projects/{project}/devices/{temperature}"))).Status);

            // A physical device is not the emulator's.
            var physical = (await emu.DevicesAsync("temperature")).First(d => !d.Device.StartsWith("emu", StringComparison.Ordinal));
            Assert.Equal(404, (await emu.SendAsync(HttpMethod.Get, Emu(emu, $"projects/{physical.Project}/devices/{physical.Device}"))).Status);
        }
    }
}
