using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using IotAdmin.Tests.Support;
using Xunit;

namespace IotAdmin.Tests.EmulatorEvents
{
    /// <summary>GET /projects/{p}/devices:stream over raw HTTP (dt-api-admin.md §7): framings, pings, filters, server-side closes.</summary>
    public class EventStreamTests
    {
        /// <summary>A silent fleet (only published events) on a fake clock.</summary>
        private static Task<EventEmulator> QuietAsync(FakeTimeProvider clock) => EventEmulator.StartAsync(o => o.EventInterval = TimeSpan.Zero, clock);

        private static string Id(JsonElement e) => e.GetProperty("eventId").GetString()!;

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task Published_events_arrive_in_order_in_either_framing(bool sse)
        {
            await using var emu = await QuietAsync(new FakeTimeProvider());
            var devices = await emu.DevicesAsync("temperature");
            var (project, device) = devices.First();
            var elsewhere = devices.First(d => d.Project != project).Device;
            using var stream = await StreamConnection.OpenAsync(emu, $"projects/{project}/devices:stream", sse);
            Assert.Equal(sse ? "text/event-stream" : "application/json", stream.ContentType);

            await emu.PublishAsync(elsewhere, "temperature"); // another project's: not on this stream
            var published = new List<JsonElement>
            {
                await emu.PublishAsync(device, "temperature", new { value = 21.5 }),
                await emu.PublishAsync(device, "touch"),
                await emu.PublishAsync(device, "networkStatus"),
            };

            foreach (var expected in published)
            {
                var received = await stream.NextEventAsync();
                Assert.Equal(expected.GetRawText(), received.GetRawText());
            }

            Assert.Equal(21.5, published[0].GetProperty("data").GetProperty("temperature").GetProperty("value").GetDouble());
        }

        [Fact]
        public async Task Pings_come_at_the_requested_interval_with_the_project_as_target()
        {
            var clock = new FakeTimeProvider();
            await using var emu = await QuietAsync(clock);
            var (project, device) = (await emu.DevicesAsync("temperature")).First();
            using var stream = await StreamConnection.OpenAsync(emu, $"projects/{project}/devices:stream?ping_interval=10s");

            var published = await emu.PublishAsync(device, "touch");
            clock.Advance(TimeSpan.FromSeconds(10));
            Assert.Equal(Id(published), Id(await stream.NextEventAsync()));
            var ping = await stream.NextEventAsync();
            Assert.Equal("ping", ping.GetProperty("eventType").GetString());
            Assert.Equal("projects/" + project, ping.GetProperty("targetName").GetString());
            Assert.Equal(JsonValueKind.Null, ping.GetProperty("data").ValueKind);
            Assert.Equal(20, Id(ping).Length);
            Assert.Equal(clock.GetUtcNow(), DateTimeOffset.Parse(ping.GetProperty("timestamp").GetString()!));

            clock.Advance(TimeSpan.FromSeconds(10));
            Assert.Equal("ping", (await stream.NextEventAsync()).GetProperty("eventType").GetString());
        }

        [Theory]
        [InlineData("event_types=touch")]
        [InlineData("device_types=humidity")]
        [InlineData("label_filters=zone=north")]
        [InlineData("label_filters=room")]
        [InlineData("device_ids={match}")]
        public async Task Filters_let_through_only_matching_events(string filter)
        {
            await using var emu = await QuietAsync(new FakeTimeProvider());
            var project = emu.Server.ProjectIds[1];
            var devices = (await emu.GetAsync($"projects/{project}/devices")).GetProperty("devices").EnumerateArray().ToList();
            bool Matches(JsonElement d) => filter switch
            {
                "device_types=humidity" => d.GetProperty("type").GetString() == "humidity",
                "label_filters=zone=north" => d.GetProperty("labels").TryGetProperty("zone", out var z) && z.GetString() == "north",
                "label_filters=room" => d.GetProperty("labels").TryGetProperty("room", out _),
                _ => true,
            };
            JsonElement match, miss;
            if (filter == "event_types=touch" || filter.StartsWith("device_ids", StringComparison.Ordinal))
            {
                match = devices[0];
                miss = devices[1];
            }
            else
            {
                match = devices.First(Matches);
                miss = devices.First(d => !Matches(d));
            }

            string IdOf(JsonElement d) => d.GetProperty("name").GetString()!.Split('/').Last();
            using var stream = await StreamConnection.OpenAsync(emu, $"projects/{project}/devices:stream?{filter.Replace("{match}", IdOf(match))}");
            if (filter == "event_types=touch") await emu.PublishAsync(IdOf(match), "batteryStatus");
            else await emu.PublishAsync(IdOf(miss), "touch");
            var wanted = await emu.PublishAsync(IdOf(match), "touch");

            Assert.Equal(Id(wanted), Id(await stream.NextEventAsync()));
        }

        [Theory]
        [InlineData("error")]
        [InlineData("end")]
        [InlineData("abort")]
        public async Task A_stream_the_server_closes_is_resumed_from_history_without_loss_or_duplicates(string mode)
        {
            var clock = new FakeTimeProvider();
            await using var emu = await QuietAsync(clock);
            var (project, device) = (await emu.DevicesAsync("temperature")).First();
            var published = new List<string>();
            var received = new List<string>();
            var stream = await StreamConnection.OpenAsync(emu, $"projects/{project}/devices:stream");

            published.Add(Id(await emu.PublishAsync(device, "temperature")));
            var last = await stream.NextEventAsync();
            received.Add(Id(last));
            Assert.Equal(1, (await emu.ControlAsync("_emulator/streams:close", new { mode })).GetProperty("closed").GetInt32());
            if (mode == "abort")
            {
                await Assert.ThrowsAnyAsync<Exception>(async () => await stream.NextAsync());
            }
            else
            {
                if (mode == "error")
                {
                    var error = (await stream.NextAsync())!.Value.GetProperty("error");
                    Assert.InRange(error.GetProperty("code").GetInt32(), 0, 99); // PY: a retryable error, not a crash
                    Assert.Equal(408, error.GetProperty("httpCode").GetInt32());
                }

                Assert.Null(await stream.NextAsync());
            }

            stream.Dispose();

            // While the client is away the device goes on; the server's history still has those events.
            clock.Advance(TimeSpan.FromSeconds(1));
            published.Add(Id(await emu.PublishAsync(device, "temperature")));
            published.Add(Id(await emu.PublishAsync(device, "touch")));

            using var resumed = await StreamConnection.OpenAsync(emu, $"projects/{project}/devices:stream");
            var since = Uri.EscapeDataString(last.GetProperty("timestamp").GetString()!);
            var gap = (await emu.GetAsync($"projects/{project}/devices/{device}/events?startTime={since}")).GetProperty("events").EnumerateArray().Reverse();
            received.AddRange(gap.Select(Id).Where(id => !received.Contains(id)));
            published.Add(Id(await emu.PublishAsync(device, "temperature")));
            received.Add(Id(await resumed.NextEventAsync()));

            Assert.Equal(published, received);
        }

        [Fact]
        public async Task Label_changes_go_out_as_labelsChanged_on_streams_but_not_into_history()
        {
            await using var emu = await QuietAsync(new FakeTimeProvider());
            var (project, device) = (await emu.DevicesAsync("temperature")).First();
            var name = $"projects/{project}/devices/{device}";
            using var stream = await StreamConnection.OpenAsync(emu, $"projects/{project}/devices:stream?event_types=labelsChanged");
            var (status, _) = await emu.SendAsync(HttpMethod.Post, $"projects/{project}/devices:batchUpdate", new { devices = new[] { name }, addLabels = new Dictionary<string, string> { ["site"] = "oslo", ["name"] = "fridge 7" } });
            Assert.Equal(200, status);
            (status, _) = await emu.SendAsync(HttpMethod.Post, $"projects/{project}/devices:batchUpdate", new { devices = new[] { name }, removeLabels = new[] { "site" } });
            Assert.Equal(200, status);

            var added = await stream.NextEventAsync();
            Assert.Equal("labelsChanged", added.GetProperty("eventType").GetString());
            Assert.Equal(name, added.GetProperty("targetName").GetString());
            Assert.Equal("oslo", added.GetProperty("data").GetProperty("added").GetProperty("site").GetString());
            Assert.Equal("fridge 7", added.GetProperty("data").GetProperty("modified").GetProperty("name").GetString());
            Assert.Empty(added.GetProperty("data").GetProperty("removed").EnumerateArray());
            var removed = await stream.NextEventAsync();
            Assert.Equal(new[] { "site" }, removed.GetProperty("data").GetProperty("removed").EnumerateArray().Select(e => e.GetString()));

            var history = await emu.GetAsync($"projects/{project}/devices/{device}/events?eventTypes=labelsChanged");
            Assert.Empty(history.GetProperty("events").EnumerateArray());
        }

        [Fact]
        public async Task The_living_fleet_streams_its_scheduled_events_as_the_clock_moves()
        {
            var clock = new FakeTimeProvider();
            await using var emu = await EventEmulator.StartAsync(o => { o.EventInterval = TimeSpan.FromMinutes(1); o.EventHistory = TimeSpan.FromMinutes(10); }, clock);
            var (project, device) = (await emu.DevicesAsync("temperature")).First();
            using var stream = await StreamConnection.OpenAsync(emu, $"projects/{project}/devices:stream?device_ids={device}&event_types=temperature");
            var start = clock.GetUtcNow();
            clock.Advance(TimeSpan.FromMinutes(3));

            var times = new List<DateTimeOffset>();
            for (var i = 0; i < 3; i++)
            {
                var e = await stream.NextEventAsync();
                times.Add(DateTimeOffset.Parse(e.GetProperty("timestamp").GetString()!));
                Assert.Equal(3, e.GetProperty("data").GetProperty("temperature").GetProperty("samples").GetArrayLength());
            }

            Assert.All(times, t => Assert.InRange(t, start, start + TimeSpan.FromMinutes(3)));
            Assert.Equal(TimeSpan.FromMinutes(1), times[1] - times[0]);
            Assert.Equal(TimeSpan.FromMinutes(1), times[2] - times[1]);
        }
    }
}
