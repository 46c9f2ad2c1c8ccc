using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Operations.Export;
using IotAdmin.Tests.Integration;
using IotAdmin.Tests.Support;
using Xunit;

namespace IotAdmin.Tests.Workflow
{
    /// <summary>Export-IotFleet → IotAdmin.Emulator --fleet-file: the copy lists back identical.</summary>
    [Collection("bulk")]
    public sealed class FleetFileTests
    {
        [Fact]
        public async Task A_20000_device_fleet_exported_and_served_by_the_emulator_lists_back_identical()
        {
            var file = Path.Combine(Path.GetTempPath(), "iotadmin-fleet-" + Guid.NewGuid().ToString("N") + ".json");
            try
            {
                await using var original = await IotAdmin.Tests.Integration.Emulator.StartAsync(o => { o.Devices = 20_000; o.Projects = 6; o.Seed = 18; });
                using var session = await original.ConnectAsync();
                var written = await FleetExport.RunAsync(session, file, new RecordingOutput(), CancellationToken.None);
                Assert.Equal(20_000, written);
                var before = await FleetSnapshot.TakeAsync(session);

                await using var copy = await IotAdmin.Tests.Integration.Emulator.StartAsync(o => o.FleetFile = file);
                using var copySession = await copy.ConnectAsync();
                var after = await FleetSnapshot.TakeAsync(copySession);
                Assert.Equal(20_000, after.Count);
                var differences = FleetSnapshot.Differences(before, after);
                Assert.True(differences.Count == 0, differences.Count + " differ, e.g.\n" + string.Join("\n", differences.Take(2).Select(d => (before.TryGetValue(d, out var x) ? x : "-") + "\n" + (after.TryGetValue(d, out var y) ? y : "-"))));
                Assert.Equal(original.Server.OrganizationId, copy.Server.OrganizationId);
                Assert.Equal(original.Server.ProjectIds.OrderBy(p => p), copy.Server.ProjectIds.OrderBy(p => p));
                Assert.Equal(original.Server.ProjectIds[0], copy.Server.ProjectIds[0]); // the inventory
                Assert.DoesNotContain(original.Server.Credentials.Secret, File.ReadAllText(file), StringComparison.Ordinal);
            }
            finally
            {
                File.Delete(file);
            }
        }

        [Fact]
        public async Task The_emulator_refuses_a_file_that_is_not_a_fleet_naming_it()
        {
            var file = Path.Combine(Path.GetTempPath(), "iotadmin-notfleet-" + Guid.NewGuid().ToString("N") + ".json");
            File.WriteAllText(file, "{\"devices\":[]}");
            try
            {
                var e = await Assert.ThrowsAsync<ArgumentException>(() => IotAdmin.Tests.Integration.Emulator.StartAsync(o => o.FleetFile = file));
                Assert.Contains(file, e.Message, StringComparison.Ordinal);
            }
            finally
            {
                File.Delete(file);
            }
        }
    }
}
