using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Models;
using IotAdmin.Operations;
using IotAdmin.Tests.Support;
using Xunit;

namespace IotAdmin.Tests.Integration
{
    /// <summary>
    /// Watch-IotEvent's operation against the emulator over HTTP (real clock; the fleet publishes only what a test
    /// publishes): both framings, pings, server-side closes resumed without loss or repeats, cancellation.
    /// </summary>
    public class EventStreamEndToEndTests
    {
        private static readonly HttpClient Control = new HttpClient();

        private static async Task<(Emulator Emu, Sessions.IotSession Session, IotDevice Device)> QuietFleetAsync()
        {
            var emu = await Emulator.StartAsync(o => { o.Devices = 8; o.Projects = 2; o.EventInterval = TimeSpan.Zero; });
            var session = await emu.ConnectAsync();
            var devices = new RecordingOutput();
            await GetDeviceOperation.RunAsync(session, new GetDeviceRequest { DeviceTypes = new[] { "temperature" } }, devices, CancellationToken.None);
            return (emu, session, devices.Objects.Cast<IotDevice>().First());
        }

        internal static async Task<string> PublishAsync(Emulator emu, string deviceId, double celsius)
        {
            var body = JsonSerializer.Serialize(new { deviceId, eventType = "temperature", data = new { value = celsius } });
            using var response = await Control.PostAsync(new Uri(emu.Server.BaseAddress, "_emulator/events"), new StringContent(body, Encoding.UTF8, "application/json"));
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, text);
            return JsonDocument.Parse(text).RootElement.GetProperty("eventId").GetString()!;
        }

        private static async Task CloseStreamsAsync(Emulator emu, string mode)
        {
            using var response = await Control.PostAsync(new Uri(emu.Server.BaseAddress, "_emulator/streams:close"), new StringContent("{\"mode\":\"" + mode + "\"}", Encoding.UTF8, "application/json"));
            response.EnsureSuccessStatusCode();
        }

        /// <summary>Waits (bounded) until <paramref name="condition"/> holds; the test fails on the assertions after, never on time.</summary>
        private static async Task UntilAsync(Func<bool> condition, Task watch)
        {
            for (var i = 0; i < 400 && !condition() && !watch.IsCompleted; i++) await Task.Delay(25);
        }

        private static int Count(RecordingOutput output) { lock (output) return output.Objects.Count; }

        private static bool Said(RecordingOutput output, string text) => output.VerboseMessages.ToArray().Any(m => m.Contains(text, StringComparison.Ordinal));

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task Both_framings_deliver_published_events_as_typed_objects_and_pings_only_as_verbose(bool serverSentEvents)
        {
            var (emu, session, device) = await QuietFleetAsync();
            await using var _ = emu;
            using var __ = session;
            var output = new RecordingOutput();
            var request = new WatchEventRequest { ProjectId = device.ProjectId, Count = 3, Timeout = TimeSpan.FromSeconds(60), PingInterval = TimeSpan.FromSeconds(1), ServerSentEvents = serverSentEvents };
            var watch = WatchEventOperation.RunAsync(session, request, output, CancellationToken.None);

            await UntilAsync(() => Said(output, "Ping from"), watch);
            var published = new List<string>();
            for (var i = 0; i < 3; i++) published.Add(await PublishAsync(emu, device.DeviceId, 20 + i));
            await watch;

            var events = output.Objects.Cast<IotEvent>().ToList();
            Assert.Equal(published, events.Select(e => e.EventId));
            Assert.Equal(new[] { "20.00 °C", "21.00 °C", "22.00 °C" }, events.Select(e => e.Value));
            Assert.All(events, e => Assert.Equal((device.ProjectId, device.DeviceId, "temperature"), (e.ProjectId, e.DeviceId, e.EventType)));
            Assert.True(Said(output, "Ping from"), "a ping was written as verbose");
            Assert.True(Said(output, serverSentEvents ? "text/event-stream" : "line-delimited JSON"));
        }

        [Theory]
        [InlineData("error")]
        [InlineData("end")]
        [InlineData("abort")]
        public async Task A_stream_the_server_closes_is_resumed_without_losing_or_repeating_events(string mode)
        {
            var (emu, session, device) = await QuietFleetAsync();
            await using var _ = emu;
            using var __ = session;
            var output = new RecordingOutput();
            var request = new WatchEventRequest { ProjectId = device.ProjectId, DeviceIds = new[] { device.DeviceId }, Count = 4, Timeout = TimeSpan.FromSeconds(60), PingInterval = TimeSpan.FromSeconds(1) };
            var watch = WatchEventOperation.RunAsync(session, request, output, CancellationToken.None);
            await UntilAsync(() => Said(output, "Ping from"), watch);

            var published = new List<string> { await PublishAsync(emu, device.DeviceId, 1) };
            await UntilAsync(() => Count(output) == 1, watch);

            // The first reconnect is refused, so the client is surely away (backing off) while two events happen:
            // they can only come from the history read after the reconnect.
            await emu.AddFaultAsync(new { method = "GET", path = "/v2/projects/*/devices:stream", status = 503, count = 1 });
            await CloseStreamsAsync(emu, mode);
            published.Add(await PublishAsync(emu, device.DeviceId, 2)); // while the client is away (or reconnecting)
            published.Add(await PublishAsync(emu, device.DeviceId, 3));
            await UntilAsync(() => Said(output, "Reconnected"), watch);
            published.Add(await PublishAsync(emu, device.DeviceId, 4));
            await watch;

            Assert.True(Said(output, "Reconnected"));
            Assert.True(Said(output, "Reading the history of 1 device"));
            Assert.True(Said(output, "Retrying GET"), "the refused reconnect was retried by the session's retry strategy");
            Assert.Equal(published, output.Objects.Cast<IotEvent>().Select(e => e.EventId));
        }

        [Fact]
        public async Task Cancelling_reaches_a_read_that_waits_for_the_next_event()
        {
            var (emu, session, device) = await QuietFleetAsync();
            await using var _ = emu;
            using var __ = session;
            var output = new RecordingOutput();
            using var stop = new CancellationTokenSource();
            var watch = WatchEventOperation.RunAsync(session, new WatchEventRequest { ProjectId = device.ProjectId, PingInterval = TimeSpan.FromSeconds(300) }, output, stop.Token);
            await UntilAsync(() => Said(output, "Watching"), watch);

            stop.Cancel();

            // Bounded so a read that ignores cancellation fails the test instead of hanging it (pings are 5 min apart).
            var ended = await Task.WhenAny(watch, Task.Delay(TimeSpan.FromSeconds(30)));
            Assert.Same(watch, ended);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => watch);
        }

        [Fact]
        public async Task Timeout_ends_the_watch_quietly_and_bad_filters_end_it_before_any_request()
        {
            var (emu, session, device) = await QuietFleetAsync();
            await using var _ = emu;
            using var __ = session;
            var output = new RecordingOutput();
            await WatchEventOperation.RunAsync(session, new WatchEventRequest { ProjectId = device.ProjectId, Timeout = TimeSpan.FromMilliseconds(300) }, output, CancellationToken.None);
            Assert.Empty(output.Objects);
            Assert.Empty(output.Errors);
            Assert.True(Said(output, "-Timeout"));

            await Assert.ThrowsAsync<ArgumentException>(() => WatchEventOperation.RunAsync(session, new WatchEventRequest { ProjectId = device.ProjectId, DeviceIds = new[] { "projects/other/devices/" + device.DeviceId } }, output, CancellationToken.None));
            await Assert.ThrowsAsync<ArgumentException>(() => WatchEventOperation.RunAsync(session, new WatchEventRequest { ProjectId = device.ProjectId, Count = 0 }, output, CancellationToken.None));
        }
    }
}
