using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Models;
using IotAdmin.Operations;
using IotAdmin.Tests.Support;
using Xunit;

namespace IotAdmin.Tests.Integration
{
    /// <summary>Get-IotEvent's operation against the emulator over HTTP, on a fake clock shared by both sides.</summary>
    public class EventHistoryEndToEndTests
    {
        private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

        private static async Task<(Emulator Emu, Sessions.IotSession Session, IotDevice Device)> BusyFleetAsync(FakeTimeProvider clock, string type = "temperature")
        {
            var emu = await Emulator.StartAsync(o => { o.Devices = 8; o.Projects = 2; o.Seed = 5; o.EventInterval = Interval; o.EventHistory = TimeSpan.FromHours(25); o.HistorySize = 20_000; o.TimeProvider = clock; o.TokenTtlSeconds = 86400; });
            var session = await emu.ConnectAsync(time: clock);
            var devices = new RecordingOutput();
            await GetDeviceOperation.RunAsync(session, new GetDeviceRequest { DeviceTypes = new[] { type } }, devices, CancellationToken.None);
            return (emu, session, devices.Objects.Cast<IotDevice>().First());
        }

        [Fact]
        public async Task Thousands_of_events_of_one_device_come_newest_first_each_exactly_once_with_readable_values()
        {
            var clock = new FakeTimeProvider();
            var (emu, session, device) = await BusyFleetAsync(clock);
            await using var _ = emu;
            using var __ = session;
            var output = new RecordingOutput();

            await GetEventOperation.RunAsync(session, new GetEventRequest { ProjectId = device.ProjectId, DeviceIds = new[] { device.DeviceId } }, output, CancellationToken.None);

            Assert.Empty(output.Errors);
            var events = output.Objects.Cast<IotEvent>().ToList();
            Assert.True(events.Count >= 5000, $"only {events.Count} events");
            Assert.Equal(events.Count, events.Select(e => e.EventId).Distinct().Count());
            for (var i = 1; i < events.Count; i++) Assert.True(events[i].Timestamp <= events[i - 1].Timestamp, $"event {i} is newer than the one before it");
            var now = clock.GetUtcNow();
            Assert.All(events, e => Assert.InRange(e.Timestamp, now - TimeSpan.FromHours(24), now));
            Assert.All(events, e => Assert.Equal((device.ProjectId, device.DeviceId), (e.ProjectId, e.DeviceId)));

            // Every 15 s heartbeat of the day is there: none lost between pages.
            var temperatures = events.Where(e => e.EventType == "temperature").ToList();
            for (var i = 1; i < temperatures.Count; i++) Assert.Equal(Interval, temperatures[i - 1].Timestamp - temperatures[i].Timestamp);
            var t = temperatures[0];
            Assert.Equal("°C", t.Unit);
            Assert.Equal(Convert.ToDouble(t.Data["value"]), t.Number);
            Assert.EndsWith(" °C", t.Value);
            Assert.Contains("\"samples\"", t.Data.ToString());
            Assert.Contains(events, e => e.EventType == "networkStatus" && e.Value.StartsWith("signal ", StringComparison.Ordinal));
        }

        [Fact]
        public async Task Last_and_event_types_narrow_the_window_and_end_time_bounds_it()
        {
            var clock = new FakeTimeProvider();
            var (emu, session, device) = await BusyFleetAsync(clock);
            await using var _ = emu;
            using var __ = session;
            var now = clock.GetUtcNow();

            var last = new RecordingOutput();
            await GetEventOperation.RunAsync(session, new GetEventRequest { ProjectId = device.ProjectId, DeviceIds = new[] { device.DeviceId }, Last = TimeSpan.FromHours(3), EventTypes = new[] { "temperature" } }, last, CancellationToken.None);
            var events = last.Objects.Cast<IotEvent>().ToList();
            Assert.InRange(events.Count, 3 * 3600 / 15, 3 * 3600 / 15 + 1); // both ends inclusive
            Assert.All(events, e => Assert.Equal("temperature", e.EventType));
            Assert.All(events, e => Assert.InRange(e.Timestamp, now - TimeSpan.FromHours(3), now));

            var window = new RecordingOutput();
            var start = now - TimeSpan.FromHours(5);
            var end = now - TimeSpan.FromHours(4);
            await GetEventOperation.RunAsync(session, new GetEventRequest { ProjectId = device.ProjectId, DeviceIds = new[] { device.DeviceId }, StartTime = start, EndTime = end }, window, CancellationToken.None);
            var inWindow = window.Objects.Cast<IotEvent>().ToList();
            Assert.NotEmpty(inWindow);
            Assert.All(inWindow, e => Assert.InRange(e.Timestamp, start, end));
        }

        [Fact]
        public async Task Bad_input_ends_before_any_request_and_a_bad_device_is_an_error_naming_it()
        {
            var clock = new FakeTimeProvider();
            var (emu, session, device) = await BusyFleetAsync(clock);
            await using var _ = emu;
            using var __ = session;
            var before = (await emu.StatsAsync()).ApiRequests();

            await Assert.ThrowsAsync<ArgumentException>(() => GetEventOperation.RunAsync(session, new GetEventRequest { ProjectId = device.ProjectId, DeviceIds = new[] { device.DeviceId }, Last = TimeSpan.FromHours(-1) }, new RecordingOutput(), CancellationToken.None));
            await Assert.ThrowsAsync<ArgumentException>(() => GetEventOperation.RunAsync(session, new GetEventRequest { ProjectId = device.ProjectId, DeviceIds = new[] { device.DeviceId }, StartTime = clock.GetUtcNow(), EndTime = clock.GetUtcNow().AddHours(-1) }, new RecordingOutput(), CancellationToken.None));
            await Assert.ThrowsAsync<ArgumentException>(() => GetEventOperation.RunAsync(session, new GetEventRequest { ProjectId = device.ProjectId, DeviceIds = new[] { device.DeviceId }, EventTypes = new[] { "tempe rature" } }, new RecordingOutput(), CancellationToken.None));
            Assert.Equal(before, (await emu.StatsAsync()).ApiRequests());

            var output = new RecordingOutput();
            await GetEventOperation.RunAsync(session, new GetEventRequest { ProjectId = device.ProjectId, DeviceIds = new[] { "no such device!", "missing0000000000000" }, Last = TimeSpan.FromHours(1) }, output, CancellationToken.None);
            Assert.Equal(2, output.Errors.Count);
            Assert.Equal("no such device!", output.Errors[0].TargetObject);
            Assert.Equal("missing0000000000000", output.Errors[1].TargetObject);
        }
    }
}
