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
    /// <summary>claimInfo and devices:claim over raw HTTP (dt-api-admin.md §8).</summary>
    public class ClaimTests
    {
        private static async Task<JsonElement> InventoryAsync(EventEmulator emu) =>
            JsonDocument.Parse(await emu.Control.GetStringAsync(new Uri(emu.Server.BaseAddress, "_emulator/inventory"))).RootElement.Clone();

        private static IEnumerable<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!);

        [Fact]
        public async Task Claim_info_describes_kits_and_devices()
        {
            await using var emu = await EventEmulator.StartAsync(o => o.EventInterval = TimeSpan.Zero);
            var inventory = await InventoryAsync(emu);
            var kit = inventory.GetProperty("kits")[0];
            var info = await emu.GetAsync("claimInfo?identifier=" + kit.GetProperty("kitId").GetString());
            Assert.Equal("KIT", info.GetProperty("type").GetString());
            var devices = info.GetProperty("kit").GetProperty("devices").EnumerateArray().ToList();
            Assert.Equal(Strings(kit.GetProperty("deviceIds")), devices.Select(d => d.GetProperty("deviceId").GetString()));
            var sensors = info.GetProperty("kit").GetProperty("sensors");
            var ccons = info.GetProperty("kit").GetProperty("cloudConnectors");
            Assert.Equal(devices.Count, sensors.GetProperty("totalCount").GetInt32() + ccons.GetProperty("totalCount").GetInt32());
            Assert.Equal(devices.Count(d => d.GetProperty("deviceType").GetString() == "ccon"), ccons.GetProperty("totalCount").GetInt32());
            Assert.All(devices, d => Assert.False(d.GetProperty("isClaimed").GetBoolean()));

            var loose = inventory.GetProperty("devices")[0].GetProperty("deviceId").GetString();
            var device = await emu.GetAsync("claimInfo?identifier=" + loose);
            Assert.Equal("DEVICE", device.GetProperty("type").GetString());
            Assert.Equal(loose, device.GetProperty("device").GetProperty("deviceId").GetString());
            var (_, fleetDevice) = (await emu.DevicesAsync("temperature")).First();
            Assert.True((await emu.GetAsync("claimInfo?identifier=" + fleetDevice)).GetProperty("device").GetProperty("isClaimed").GetBoolean());
            var oldSpelling = await emu.GetAsync(emu.Server.BaseAddress.AbsoluteUri + "v2:claim-info?identifier=" + loose);
            Assert.Equal(device.GetRawText(), oldSpelling.GetRawText());
            Assert.Equal(404, (await emu.SendAsync(HttpMethod.Get, "claimInfo?identifier=nosuchkit")).Status);
            Assert.Equal(400, (await emu.SendAsync(HttpMethod.Get, "claimInfo")).Status);
        }

        [Fact]
        public async Task A_claim_of_1000_ids_reports_each_outcome_a_dry_run_changes_nothing_and_a_rerun_finds_them_claimed()
        {
            var clock = new FakeTimeProvider();
            await using var emu = await EventEmulator.StartAsync(o => { o.EventInterval = TimeSpan.FromMinutes(1); o.EventHistory = TimeSpan.FromMinutes(5); o.Kits = 30; }, clock);
            var project = emu.Server.ProjectIds[1];
            var inventory = await InventoryAsync(emu);
            var kitDevices = inventory.GetProperty("kits").EnumerateArray().SelectMany(k => Strings(k.GetProperty("deviceIds"))).ToList();
            var loose = inventory.GetProperty("devices").EnumerateArray().ToList();
            var claimedElsewhere = loose.Where(d => d.GetProperty("isClaimed").GetBoolean()).Select(d => d.GetProperty("deviceId").GetString()!).ToList();
            var fleet = (await emu.DevicesAsync("temperature")).Select(d => d.Device).Take(10).ToList();
            var unknown = Enumerable.Range(0, 25).Select(i => $"unknowndevice{i:D7}").ToList();
            var claimable = kitDevices.Concat(loose.Where(d => !d.GetProperty("isClaimed").GetBoolean()).Select(d => d.GetProperty("deviceId").GetString()!)).ToList();
            var ids = unknown.Concat(fleet).Concat(claimedElsewhere).Concat(claimable).Take(1000).ToList();
            Assert.Equal(1000, ids.Count);
            Assert.NotEmpty(claimedElsewhere);
            var expectedClaimed = ids.Intersect(claimable).ToList();
            var expectedAlready = fleet.Concat(claimedElsewhere).ToList();
            var before = (await emu.GetAsync($"projects/{project}/devices")).GetProperty("devices").GetArrayLength();

            async Task<JsonElement> ClaimAsync(bool dryRun)
            {
                var (status, body) = await emu.SendAsync(HttpMethod.Post, $"projects/{project}/devices:claim?dryRun={(dryRun ? "true" : "false")}", new { deviceIds = ids });
                Assert.Equal(200, status);
                return body;
            }

            void AssertOutcome(JsonElement answer, IEnumerable<string> claimed, IEnumerable<string> already, IEnumerable<string> notFound)
            {
                Assert.Equal(claimed.OrderBy(x => x), answer.GetProperty("claimedDevices").EnumerateArray().Select(d => d.GetProperty("deviceId").GetString()).OrderBy(x => x));
                var errors = answer.GetProperty("claimErrors").GetProperty("devices").EnumerateArray().ToList();
                Assert.Equal(already.OrderBy(x => x), errors.Where(e => e.GetProperty("code").GetString() == "ALREADY_CLAIMED").Select(e => e.GetProperty("deviceId").GetString()).OrderBy(x => x));
                Assert.Equal(notFound.OrderBy(x => x), errors.Where(e => e.GetProperty("code").GetString() == "NOT_FOUND").Select(e => e.GetProperty("deviceId").GetString()).OrderBy(x => x));
                Assert.Equal(ids.Count, answer.GetProperty("claimedDevices").GetArrayLength() + errors.Count);
            }

            var dry = await ClaimAsync(dryRun: true);
            AssertOutcome(dry, expectedClaimed, expectedAlready, unknown);
            var counters = await InventoryAsync(emu);
            Assert.Equal(0, counters.GetProperty("claimed").GetInt32());
            Assert.Equal(1, counters.GetProperty("dryRuns").GetInt32());
            Assert.Equal(before, (await emu.GetAsync($"projects/{project}/devices")).GetProperty("devices").GetArrayLength());
            Assert.False((await emu.GetAsync("claimInfo?identifier=" + expectedClaimed[0])).GetProperty("device").GetProperty("isClaimed").GetBoolean());

            var real = await ClaimAsync(dryRun: false);
            Assert.Equal(dry.GetRawText(), real.GetRawText());
            Assert.Equal(expectedClaimed.Count, (await InventoryAsync(emu)).GetProperty("claimed").GetInt32());
            Assert.True((await emu.GetAsync("claimInfo?identifier=" + expectedClaimed[0])).GetProperty("device").GetProperty("isClaimed").GetBoolean());
            var claimedDevice = await emu.GetAsync($"projects/{project}/devices/{expectedClaimed[0]}");
            Assert.Equal($"projects/{project}/devices/{expectedClaimed[0]}", claimedDevice.GetProperty("name").GetString());

            var rerun = await ClaimAsync(dryRun: false);
            AssertOutcome(rerun, Array.Empty<string>(), expectedAlready.Concat(expectedClaimed), unknown);
            Assert.Equal(3, (await InventoryAsync(emu)).GetProperty("claimCalls").GetInt32());

            // A claimed sensor joins the living fleet.
            clock.Advance(TimeSpan.FromMinutes(5));
            var history = await emu.GetAsync($"projects/{project}/devices/{expectedClaimed[0]}/events");
            Assert.NotEmpty(history.GetProperty("events").EnumerateArray());
        }

        [Fact]
        public async Task Kits_are_claimed_whole_and_bad_claims_are_refused()
        {
            await using var emu = await EventEmulator.StartAsync(o => o.EventInterval = TimeSpan.Zero);
            var project = emu.Server.ProjectIds[1];
            var kit = (await InventoryAsync(emu)).GetProperty("kits")[1];
            var kitId = kit.GetProperty("kitId").GetString();
            var (status, answer) = await emu.SendAsync(HttpMethod.Post, $"projects/{project}/devices:claim?dryRun=false", new { kitIds = new[] { kitId, "nosuchkit" } });
            Assert.Equal(200, status);
            Assert.Equal(Strings(kit.GetProperty("deviceIds")).OrderBy(x => x), answer.GetProperty("claimedDevices").EnumerateArray().Select(d => d.GetProperty("deviceId").GetString()).OrderBy(x => x));
            var kitError = Assert.Single(answer.GetProperty("claimErrors").GetProperty("kits").EnumerateArray());
            Assert.Equal("NOT_FOUND", kitError.GetProperty("code").GetString());
            var info = await emu.GetAsync("claimInfo?identifier=" + kitId);
            Assert.Equal(info.GetProperty("kit").GetProperty("sensors").GetProperty("totalCount").GetInt32(), info.GetProperty("kit").GetProperty("sensors").GetProperty("claimedCount").GetInt32());
            (_, answer) = await emu.SendAsync(HttpMethod.Post, $"projects/{project}/devices:claim?dryRun=false", new { kitIds = new[] { kitId } });
            Assert.Equal("ALREADY_CLAIMED", answer.GetProperty("claimErrors").GetProperty("kits")[0].GetProperty("code").GetString());

            Assert.Equal(400, (await emu.SendAsync(HttpMethod.Post, $"projects/{project}/devices:claim", new { deviceIds = Array.Empty<string>() })).Status);
            Assert.Equal(400, (await emu.SendAsync(HttpMethod.Post, $"projects/{project}/devices:claim?dryRun=maybe", new { deviceIds = new[] { "x" } })).Status);
            Assert.Equal(400, (await emu.SendAsync(HttpMethod.Post, $"projects/{project}/devices:claim", new { deviceIds = Enumerable.Range(0, 1001).Select(i => "d" + i).ToArray() })).Status);
        }
    }
}
