using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using IotAdmin.Tests.Support;
using Xunit;

namespace IotAdmin.Tests.EmulatorEvents
{
    /// <summary>GET …/devices/{d}/events over raw HTTP (dt-api-admin.md §6), on a fake clock.</summary>
    public class EventHistoryTests
    {
        private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

        /// <summary>A small fleet on a 15 s heartbeat with <paramref name="hours"/> of history (a temperature sensor: 240 events an hour).</summary>
        private static Task<EventEmulator> BusyFleetAsync(FakeTimeProvider clock, double hours, int seed = 3, int historySize = 20_000) =>
            EventEmulator.StartAsync(o => { o.Devices = 8; o.Projects = 2; o.Seed = seed; o.EventInterval = Interval; o.EventHistory = TimeSpan.FromHours(hours); o.HistorySize = historySize; }, clock);

        /// <summary>Every page of a listing (pageSize 1000), with the clock moving on between pages.</summary>
        private static async Task<List<JsonElement>> AllPagesAsync(EventEmulator emu, string path, string sizeName = "pageSize", string tokenName = "pageToken", Action? betweenPages = null)
        {
            var events = new List<JsonElement>();
            var token = string.Empty;
            var separator = path.Contains('?') ? "&" : "?";
            do
            {
                var page = await emu.GetAsync(path + separator + sizeName + "=1000" + (token.Length > 0 ? "&" + tokenName + "=" + Uri.EscapeDataString(token) : string.Empty));
                var items = page.GetProperty("events").EnumerateArray().ToList();
                Assert.True(items.Count <= 1000);
                events.AddRange(items);
                token = page.GetProperty("nextPageToken").GetString()!;
                betweenPages?.Invoke();
            }
            while (token.Length > 0);
            return events;
        }

        [Fact]
        public async Task Thousands_of_events_of_one_device_page_newest_first_each_exactly_once_over_the_default_24_hours()
        {
            var clock = new FakeTimeProvider();
            await using var emu = await BusyFleetAsync(clock, 25);
            var (project, device) = (await emu.DevicesAsync("temperature")).First();
            var now = clock.GetUtcNow();

            // New events keep arriving while the listing is paged through; they must neither appear nor shift pages.
            var events = await AllPagesAsync(emu, $"projects/{project}/devices/{device}/events", betweenPages: () => clock.Advance(TimeSpan.FromMinutes(1)));

            Assert.True(events.Count >= 5000, $"only {events.Count} events");
            Assert.Equal(events.Count, events.Select(e => e.GetProperty("eventId").GetString()).Distinct().Count());
            var times = events.Select(e => DateTimeOffset.Parse(e.GetProperty("timestamp").GetString()!)).ToList();
            for (var i = 1; i < times.Count; i++) Assert.True(times[i] <= times[i - 1], $"event {i} is newer than the one before it");
            Assert.All(times, t => Assert.InRange(t, now - TimeSpan.FromHours(24), now));

            // The temperature heartbeat comes every 15 s: consecutive ones exactly 15 s apart means none is missing,
            // and the oldest and newest lie within one interval of the window's ends.
            var temperatures = events.Where(e => e.GetProperty("eventType").GetString() == "temperature").Select(e => DateTimeOffset.Parse(e.GetProperty("timestamp").GetString()!)).ToList();
            for (var i = 1; i < temperatures.Count; i++) Assert.Equal(Interval, temperatures[i - 1] - temperatures[i]);
            Assert.True(now - temperatures[0] < Interval);
            Assert.True(temperatures[^1] - (now - TimeSpan.FromHours(24)) < Interval);
            Assert.All(events, e => Assert.Equal($"projects/{project}/devices/{device}", e.GetProperty("targetName").GetString()));
        }

        [Fact]
        public async Task Both_parameter_spellings_give_the_same_window_and_type_filter()
        {
            var clock = new FakeTimeProvider();
            await using var emu = await BusyFleetAsync(clock, 6);
            var (project, device) = (await emu.DevicesAsync("temperature")).First();
            var end = clock.GetUtcNow() - TimeSpan.FromHours(1);
            var start = end - TimeSpan.FromHours(3);
            var startText = Uri.EscapeDataString(start.ToOffset(TimeSpan.FromHours(2)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz")); // PY sends offsets
            var endText = Uri.EscapeDataString(end.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'"));
            var path = $"projects/{project}/devices/{device}/events";

            var camel = await AllPagesAsync(emu, $"{path}?startTime={startText}&endTime={endText}&eventTypes=temperature&eventTypes=touch");
            var snake = await AllPagesAsync(emu, $"{path}?start_time={startText}&end_time={endText}&event_types=temperature&event_types=touch", "page_size", "page_token");

            Assert.Equal(camel.Select(e => e.GetProperty("eventId").GetString()), snake.Select(e => e.GetProperty("eventId").GetString()));
            Assert.Equal(3 * 3600 / 15, camel.Count(e => e.GetProperty("eventType").GetString() == "temperature"));
            Assert.All(camel, e => Assert.Contains(e.GetProperty("eventType").GetString(), new[] { "temperature", "touch" }));
            Assert.All(camel, e => Assert.InRange(DateTimeOffset.Parse(e.GetProperty("timestamp").GetString()!), start, end));
        }

        [Theory]
        [InlineData("pageSize=1001", "pageSize")]
        [InlineData("startTime=yesterday", "startTime")]
        [InlineData("end_time=2026-13-01", "endTime")]
        [InlineData("eventTypes=temprature", "eventTypes")]
        public async Task Bad_parameters_are_a_400_naming_them(string query, string named)
        {
            await using var emu = await EventEmulator.StartAsync(o => o.EventInterval = TimeSpan.Zero);
            var (project, device) = (await emu.DevicesAsync("temperature")).First();
            var (status, body) = await emu.SendAsync(HttpMethod.Get, $"projects/{project}/devices/{device}/events?{query}");
            Assert.Equal(400, status);
            Assert.Contains(named, body.GetRawText());
        }

        [Fact]
        public async Task History_is_bounded_per_device_keeping_the_newest()
        {
            var clock = new FakeTimeProvider();
            await using var emu = await BusyFleetAsync(clock, 1, historySize: 100);
            var (project, device) = (await emu.DevicesAsync("temperature")).First();
            var events = await AllPagesAsync(emu, $"projects/{project}/devices/{device}/events");
            Assert.Equal(100, events.Count);
            Assert.True(clock.GetUtcNow() - DateTimeOffset.Parse(events[0].GetProperty("timestamp").GetString()!) < Interval);
        }

        [Fact]
        public async Task The_fleet_is_the_same_per_seed_and_reported_holds_the_latest_event()
        {
            async Task<(List<string> Events, JsonElement Reported)> ReadAsync(int seed)
            {
                var clock = new FakeTimeProvider();
                await using var emu = await BusyFleetAsync(clock, 2, seed);
                var (project, device) = (await emu.DevicesAsync("temperature")).First();
                var events = await emu.GetAsync($"projects/{project}/devices/{device}/events?pageSize=50");
                var reported = (await emu.GetAsync($"projects/{project}/devices/{device}")).GetProperty("reported");
                return (events.GetProperty("events").EnumerateArray().Select(e => e.GetRawText()).ToList(), reported);
            }

            var first = await ReadAsync(5);
            var again = await ReadAsync(5);
            var other = await ReadAsync(6);

            Assert.Equal(first.Events, again.Events);
            Assert.NotEqual(first.Events, other.Events);
            var latestTemperature = first.Events.Select(e => JsonDocument.Parse(e).RootElement).First(e => e.GetProperty("eventType").GetString() == "temperature");
            Assert.Equal(latestTemperature.GetProperty("data").GetProperty("temperature").GetRawText(), first.Reported.GetProperty("temperature").GetRawText());
            foreach (var key in new[] { "value", "samples", "isBackfilled", "updateTime" }) Assert.True(first.Reported.GetProperty("temperature").TryGetProperty(key, out _), key);
            foreach (var key in new[] { "signalStrength", "rssi", "cloudConnectors", "transmissionMode", "updateTime" }) Assert.True(first.Reported.GetProperty("networkStatus").TryGetProperty(key, out _), key);
        }
    }
}
