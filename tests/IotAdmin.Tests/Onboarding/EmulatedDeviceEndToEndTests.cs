using System;
using System.Collections;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Models;
using IotAdmin.Operations.Onboarding;
using IotAdmin.Sessions;
using IotAdmin.Tests.Integration;
using IotAdmin.Tests.Support;
using Xunit;

namespace IotAdmin.Tests.Onboarding
{
    /// <summary>Issue 17 (client): emulated devices through the session's emulator API root — created in bulk, published to, read back, deleted.</summary>
    public class EmulatedDeviceEndToEndTests
    {
        [Fact]
        public async Task Emulated_devices_are_created_in_bulk_published_to_read_back_and_deleted()
        {
            await using var emulator = await Integration.Emulator.StartAsync(o => { o.Devices = 20; o.Projects = 2; o.EventInterval = TimeSpan.Zero; });
            using var session = await emulator.ConnectAsync();
            var project = emulator.Server.ProjectIds[1];
            Assert.Equal(emulator.Server.EmulatorApiRoot.AbsoluteUri.TrimEnd('/') + "/", EmulatorEndpoint.For(session.Endpoint, null).AbsoluteUri);

            var emulatorRoot = EmulatorEndpoint.For(session.Endpoint, null);
            var seeded = (await OnboardingEmulator.GetAsync(session, "projects/" + project + "/devices", emulatorRoot)).GetProperty("devices").GetArrayLength();
            var created = new RecordingOutput();
            var summary = await NewEmulatedDeviceOperation.RunAsync(session, null, project, "Temperature", "Bench", new Hashtable { ["zone"] = "test" }, 25, created, CancellationToken.None);
            Assert.Empty(created.Errors);
            var devices = created.Objects.Cast<IotDevice>().ToList();
            Assert.Equal(25, devices.Count);
            Assert.Equal(25, summary.Requests);
            Assert.All(devices, d => Assert.True(d.IsEmulated));
            Assert.All(devices, d => Assert.Equal("temperature", d.Type));
            Assert.All(devices, d => Assert.Equal("test", d.Labels["zone"]));
            Assert.Contains("virtual-sensor", devices[0].Labels.Keys);
            Assert.Equal(Enumerable.Range(1, 25).Select(i => "Bench " + i), devices.Select(d => d.DisplayName));
            var listed = await OnboardingEmulator.GetAsync(session, "projects/" + project + "/devices", emulatorRoot);
            Assert.Equal(seeded + 25, listed.GetProperty("devices").GetArrayLength());

            var send = EmulatedDeviceOperation.Send(session, null, new EmulatedEvent { Temperature = 30 }, passThru: true);
            var sent = new RecordingOutput();
            foreach (var d in devices.Take(5)) await send.RunAsync(new EmulatedDeviceRef(d.ProjectId, d.DeviceId, d.Type, d), sent, CancellationToken.None);
            Assert.Empty(sent.Errors);
            Assert.Equal(devices.Take(5), sent.Objects.Cast<IotDevice>());
            Assert.Equal(5, send.Complete(sent).Succeeded);
            var device = await session.Backend.GetDeviceAsync(project, devices[0].DeviceId, IotAdmin.Http.ApiCallContext.Silent(), CancellationToken.None);
            Assert.Equal(30, device.Reported.Temperature!.Value);
            var history = await OnboardingEmulator.GetAsync(session, "projects/" + project + "/devices/" + devices[0].DeviceId + "/events");
            var temperature = Assert.Single(history.GetProperty("events").EnumerateArray());
            Assert.Equal("temperature", temperature.GetProperty("eventType").GetString());
            Assert.Equal(30, temperature.GetProperty("data").GetProperty("temperature").GetProperty("value").GetDouble());

            // Event data the device type does not send: the server's 400, reported for that device only.
            var wrong = EmulatedDeviceOperation.Send(session, null, new EmulatedEvent { Touch = false, ObjectPresent = true }, passThru: false);
            var rejected = new RecordingOutput();
            await wrong.RunAsync(new EmulatedDeviceRef(project, devices[1].DeviceId, "temperature"), rejected, CancellationToken.None);
            Assert.Equal(devices[1].DeviceId, Assert.Single(rejected.Errors).TargetObject);
            Assert.Equal("IotApiInvalidArgument", rejected.Errors[0].ErrorId);

            var remove = EmulatedDeviceOperation.Remove(session, null);
            var removed = new RecordingOutput();
            foreach (var d in devices) await remove.RunAsync(new EmulatedDeviceRef(d.ProjectId, d.DeviceId, d.Type), removed, CancellationToken.None);
            await remove.RunAsync(new EmulatedDeviceRef(project, devices[0].DeviceId, null), removed, CancellationToken.None); // gone already
            Assert.Equal(devices[0].DeviceId, Assert.Single(removed.Errors).TargetObject);
            Assert.Equal(25, remove.Complete(removed).Succeeded);
            listed = await OnboardingEmulator.GetAsync(session, "projects/" + project + "/devices", emulatorRoot);
            Assert.Equal(seeded, listed.GetProperty("devices").GetArrayLength());
        }

        [Fact]
        public async Task Bad_input_ends_the_command_before_any_request()
        {
            await using var emulator = await Integration.Emulator.StartAsync(o => { o.Devices = 5; o.Projects = 1; });
            using var session = await emulator.ConnectAsync();
            var project = emulator.Server.ProjectIds[0];
            var output = new RecordingOutput();
            await Assert.ThrowsAsync<ArgumentException>(() => NewEmulatedDeviceOperation.RunAsync(session, null, project, "toaster", null, null, 1, output, CancellationToken.None));
            await Assert.ThrowsAsync<ArgumentException>(() => NewEmulatedDeviceOperation.RunAsync(session, null, project, "touch", null, null, 0, output, CancellationToken.None));
            await Assert.ThrowsAsync<ArgumentException>(() => NewEmulatedDeviceOperation.RunAsync(session, null, project, "touch", null, new Hashtable { [""] = "x" }, 1, output, CancellationToken.None));
            Assert.Throws<ArgumentException>(() => EmulatedDeviceOperation.Send(session, null, new EmulatedEvent(), false));
            Assert.Throws<ArgumentException>(() => EmulatedDeviceOperation.Send(session, null, new EmulatedEvent { Temperature = 1, Touch = true }, false));
            Assert.Throws<ArgumentException>(() => EmulatedDeviceOperation.Send(session, null, new EmulatedEvent { EventType = "labelsChanged", Data = new Hashtable() }, false));
            Assert.Empty(output.Objects);
        }
    }

    public class EmulatedEventTests
    {
        [Theory]
        [InlineData("temperature", "{\"temperature\":{\"value\":21.5}}")]
        [InlineData("humidity", null)] // -Temperature alone on a humidity device: a humidity event needs -RelativeHumidity
        public void Temperature_becomes_the_devices_event(string deviceType, string? expected)
        {
            var e = new EmulatedEvent { Temperature = 21.5 };
            if (expected == null) Assert.Throws<ArgumentException>(() => e.BodyFor(deviceType));
            else Assert.Equal(expected, Encoding.UTF8.GetString(e.BodyFor(deviceType)));
        }

        [Fact]
        public void Each_kind_of_event_data_has_its_body()
        {
            Assert.Equal("{\"touch\":{}}", Encoding.UTF8.GetString(new EmulatedEvent { Touch = true }.BodyFor("touch")));
            Assert.Equal("{\"objectPresent\":{\"state\":\"NOT_PRESENT\"}}", Encoding.UTF8.GetString(new EmulatedEvent { ObjectPresent = false }.BodyFor("proximity")));
            Assert.Equal("{\"co2\":{\"ppm\":612}}", Encoding.UTF8.GetString(new EmulatedEvent { Co2 = 612 }.BodyFor("co2")));
            var humidity = Encoding.UTF8.GetString(new EmulatedEvent { Temperature = 20, RelativeHumidity = 45.5 }.BodyFor("humidity"));
            Assert.Contains("\"relativeHumidity\":45.5", humidity);
            Assert.StartsWith("{\"humidity\":{", humidity);
            Assert.Equal("{\"waterPresent\":{\"state\":\"PRESENT\",\"n\":[1,true]}}", Encoding.UTF8.GetString(new EmulatedEvent { EventType = "waterPresent", Data = new System.Collections.Specialized.OrderedDictionary { ["state"] = "PRESENT", ["n"] = new object[] { 1, true } } }.BodyFor(null)));
        }

        [Theory]
        [InlineData("https://api.disruptive-technologies.com/v2/", null, "https://emulator.disruptive-technologies.com/v2/")]
        [InlineData("http://127.0.0.1:5080/v2/", null, "http://127.0.0.1:5080/emulator/v2/")]
        [InlineData("https://proxy.example/dt/v2/", null, "https://proxy.example/dt/emulator/v2/")]
        [InlineData("http://127.0.0.1:5080/v2/", "http://127.0.0.1:6000", "http://127.0.0.1:6000/v2/")]
        public void The_emulator_api_root_is_derived_from_the_session_endpoint(string apiRoot, string? overrideEndpoint, string expected) =>
            Assert.Equal(expected, EmulatorEndpoint.For(new Uri(apiRoot), overrideEndpoint).AbsoluteUri);
    }
}
