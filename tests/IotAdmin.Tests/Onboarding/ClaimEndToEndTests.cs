using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Models;
using IotAdmin.Operations.Onboarding;
using IotAdmin.Sessions;
using IotAdmin.Tests.Integration;
using IotAdmin.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace IotAdmin.Tests.Onboarding
{
    /// <summary>Issue 17 (client): claim info, and Register-IotDevice's engine against the emulator.</summary>
    [Collection("bulk")]
    public class ClaimEndToEndTests
    {
        private readonly ITestOutputHelper _log;

        public ClaimEndToEndTests(ITestOutputHelper log) => _log = log;

        [Fact]
        public async Task Claim_info_says_kit_or_device_with_counts_and_each_devices_state()
        {
            await using var emulator = await Integration.Emulator.StartAsync(o => { o.Devices = 50; o.Projects = 2; });
            using var session = await emulator.ConnectAsync();
            var inventory = await OnboardingEmulator.InventoryAsync(emulator);
            var kit = inventory.Kits[0];
            var loose = inventory.Loose.First(d => !d.IsClaimed).DeviceId;
            var output = new RecordingOutput();

            await GetClaimInfoOperation.RunAsync(session, new[] { kit.KitId, loose, "nosuchkit0000000000", "bad id" }, output, CancellationToken.None);

            var infos = output.Objects.Cast<IotClaimInfo>().ToList();
            Assert.Equal(2, infos.Count);
            Assert.Equal("KIT", infos[0].Type);
            Assert.Equal(kit.KitId, infos[0].KitId);
            Assert.Equal(kit.DeviceIds, infos[0].Devices.Select(d => d.DeviceId));
            Assert.Equal(infos[0].DeviceCount, infos[0].SensorCount + infos[0].CloudConnectorCount);
            Assert.Equal(infos[0].Devices.Count(d => d.DeviceType == "ccon"), infos[0].CloudConnectorCount);
            Assert.All(infos[0].Devices, d => Assert.Equal("Unclaimed", d.State));
            Assert.False(infos[0].IsClaimed);
            Assert.Equal("DEVICE", infos[1].Type);
            Assert.Equal(loose, Assert.Single(infos[1].Devices).DeviceId);
            Assert.Equal(1, infos[1].SensorCount + infos[1].CloudConnectorCount);
            Assert.Equal(2, output.Errors.Count);
            Assert.Equal("IotApiNotFound", output.Errors[0].ErrorId);
            Assert.Equal("nosuchkit0000000000", output.Errors[0].TargetObject);
            Assert.Equal("IotInvalidDeviceId", output.Errors[1].ErrorId);
        }

        [Fact]
        public async Task A_claim_of_1000_ids_reports_each_outcome_in_one_claim_call_a_dry_run_changes_nothing_and_a_rerun_succeeds()
        {
            await using var emulator = await Integration.Emulator.StartAsync(o => { o.Devices = 200; o.Projects = 3; o.Kits = 20; });
            using var session = await emulator.ConnectAsync();
            var project = emulator.Server.ProjectIds[1];
            var other = emulator.Server.ProjectIds[2];
            var inventory = await OnboardingEmulator.InventoryAsync(emulator);
            Assert.Equal(20, inventory.Kits.Count);

            // 10 kits by kit id, the other 10 kits' devices one by one, the loose devices (some claimed elsewhere),
            // devices already in this project (a re-run's case), devices of another project, and unknown ids: 1,000 ids.
            var kitIds = inventory.Kits.Take(10).Select(k => k.KitId).ToList();
            var kitDeviceIds = inventory.Kits.Skip(10).SelectMany(k => k.DeviceIds).ToList();
            var looseFree = inventory.Loose.Where(d => !d.IsClaimed).Select(d => d.DeviceId).ToList();
            var looseTaken = inventory.Loose.Where(d => d.IsClaimed).Select(d => d.DeviceId).ToList();
            var inProject = (await DevicesAsync(session, project)).Take(20).ToList();
            var elsewhere = (await DevicesAsync(session, other)).Take(20).ToList();
            Assert.NotEmpty(looseTaken);
            var known = kitIds.Count + kitDeviceIds.Count + looseFree.Count + looseTaken.Count + inProject.Count + elsewhere.Count;
            var unknown = Enumerable.Range(0, 1000 - known).Select(i => $"unknowndevice{i:D7}").ToList();
            var items = kitIds.Select(ClaimItem.Kit)
                .Concat(kitDeviceIds.Concat(looseFree).Concat(looseTaken).Concat(inProject).Concat(elsewhere).Concat(unknown).Select(ClaimItem.Device))
                .OrderBy(i => i.Id, StringComparer.Ordinal) // a scanned spreadsheet is in no useful order
                .ToList();
            Assert.Equal(1000, items.Count);
            var willClaim = kitIds.Concat(kitDeviceIds).Concat(looseFree).ToHashSet();
            var alreadyFailed = looseTaken.Concat(elsewhere).ToHashSet();
            var devicesBefore = (await DevicesAsync(session, project)).Count;

            // -WhatIf: the server's dry run, item by item; nothing changes.
            var dry = await ClaimAsync(session, project, items, whatIf: true);
            var afterDry = await OnboardingEmulator.InventoryAsync(emulator);
            AssertOutcome(dry.Output, willClaim, "WouldClaim", inProject, alreadyFailed, unknown);
            Assert.All(dry.Output.Objects.Cast<IotClaimResult>(), r => Assert.True(r.DryRun));
            Assert.Equal(1, afterDry.DryRuns - inventory.DryRuns);
            Assert.Equal(inventory.Claimed, afterDry.Claimed);
            Assert.Equal(inventory.Loose, afterDry.Loose);
            Assert.Equal(devicesBefore, (await DevicesAsync(session, project)).Count);
            Assert.Equal(willClaim.Count + inProject.Count, dry.Summary.WhatIf);
            Assert.Equal(0, dry.Summary.Succeeded);

            // For real: one claim call for 1,000 ids, then one listing per 50 ALREADY_CLAIMED devices to find those already here.
            var real = await ClaimAsync(session, project, items, whatIf: false);
            var afterReal = await OnboardingEmulator.InventoryAsync(emulator);
            AssertOutcome(real.Output, willClaim, "Claimed", inProject, alreadyFailed, unknown);
            Assert.Equal(1, afterReal.ClaimCalls - afterDry.ClaimCalls - (afterReal.DryRuns - afterDry.DryRuns));
            var alreadyCount = inProject.Count + alreadyFailed.Count;
            Assert.Equal(1 + (alreadyCount + 49) / 50, real.Summary.Requests);
            var claimedDevices = kitDeviceIds.Count + looseFree.Count + inventory.Kits.Take(10).Sum(k => k.DeviceIds.Count);
            Assert.Equal(claimedDevices, afterReal.Claimed - inventory.Claimed);
            var nowInProject = (await DevicesAsync(session, project)).ToHashSet();
            Assert.Equal(devicesBefore + claimedDevices, nowInProject.Count);
            Assert.Superset(inventory.Kits.SelectMany(k => k.DeviceIds).Concat(looseFree).ToHashSet(), nowInProject);
            _log.WriteLine($"1,000 ids: {kitIds.Count} kits, {kitDeviceIds.Count} kit devices, {looseFree.Count} loose, {looseTaken.Count} loose claimed elsewhere, {inProject.Count} in the project, {elsewhere.Count} in another project, {unknown.Count} unknown");
            _log.WriteLine("dry run: " + dry.Summary + " | claim: " + real.Summary);

            // A re-run of what succeeded: everything is in the project already, so every id succeeds, without errors.
            var succeeded = items.Where(i => !alreadyFailed.Contains(i.Id) && !unknown.Contains(i.Id)).ToList();
            var rerun = await ClaimAsync(session, project, succeeded, whatIf: false);
            Assert.Empty(rerun.Output.Errors);
            Assert.Equal(succeeded.Count, rerun.Summary.Succeeded);
            Assert.All(rerun.Output.Objects.Cast<IotClaimResult>(), r => Assert.Equal("AlreadyInProject", r.Outcome));
            Assert.Equal(afterReal.Claimed, (await OnboardingEmulator.InventoryAsync(emulator)).Claimed);
            _log.WriteLine("re-run of " + succeeded.Count + " ids: " + rerun.Summary);
        }

        [Fact]
        public async Task Claims_are_batched_by_BatchSize_and_a_declined_confirmation_sends_nothing_for_that_id()
        {
            await using var emulator = await Integration.Emulator.StartAsync(o => { o.Devices = 20; o.Projects = 2; o.Kits = 2; });
            using var session = await emulator.ConnectAsync();
            var project = emulator.Server.ProjectIds[1];
            var inventory = await OnboardingEmulator.InventoryAsync(emulator);
            var ids = inventory.Loose.Where(d => !d.IsClaimed).Select(d => ClaimItem.Device(d.DeviceId)).ToList();
            var operation = new ClaimOperation(session, project, 7, whatIf: false);
            var output = new RecordingOutput { ShouldProcessAnswer = false };
            foreach (var item in ids) await operation.AddAsync(item, output, CancellationToken.None);
            var declined = await operation.CompleteAsync(output, CancellationToken.None);
            Assert.Equal(ids.Count, declined.Skipped);
            Assert.Equal(0, declined.Requests);

            var sent = new ClaimOperation(session, project, 7, whatIf: false);
            var ok = new RecordingOutput();
            foreach (var item in ids.Concat(ids)) await sent.AddAsync(item, ok, CancellationToken.None); // duplicates are claimed once
            var summary = await sent.CompleteAsync(ok, CancellationToken.None);
            Assert.Empty(ok.Errors);
            Assert.Equal(ids.Count, summary.Succeeded);
            Assert.Equal((ids.Count + 6) / 7, summary.Requests);
            Assert.Throws<ArgumentException>(() => new ClaimOperation(session, "bad project", 7, false));
        }

        private static void AssertOutcome(RecordingOutput output, ISet<string> claimable, string outcome, IReadOnlyList<string> inProject, ISet<string> alreadyClaimed, IReadOnlyList<string> unknown)
        {
            var results = output.Objects.Cast<IotClaimResult>().ToList();
            Assert.Equal(claimable.OrderBy(x => x), results.Where(r => r.Outcome == outcome).Select(r => r.Id).OrderBy(x => x));
            Assert.Equal(inProject.OrderBy(x => x), results.Where(r => r.Outcome == "AlreadyInProject").Select(r => r.Id).OrderBy(x => x));
            Assert.Equal(claimable.Count + inProject.Count, results.Count);
            Assert.Equal(alreadyClaimed.OrderBy(x => x), output.Errors.Where(e => e.ErrorId == "IotApiAlreadyExists").Select(e => (string)e.TargetObject!).OrderBy(x => x));
            Assert.Equal(unknown.OrderBy(x => x), output.Errors.Where(e => e.ErrorId == "IotApiNotFound").Select(e => (string)e.TargetObject!).OrderBy(x => x));
            Assert.Equal(alreadyClaimed.Count + unknown.Count, output.Errors.Count);
            Assert.All(output.Errors.Where(e => e.ErrorId == "IotApiAlreadyExists"), e => Assert.Contains("ALREADY_CLAIMED", e.Message));
        }

        private static async Task<(RecordingOutput Output, IotBulkSummary Summary)> ClaimAsync(IotSession session, string project, IEnumerable<ClaimItem> items, bool whatIf)
        {
            var output = new RecordingOutput { ShouldProcessAnswer = !whatIf }; // under -WhatIf ShouldProcess answers false
            var operation = new ClaimOperation(session, project, 1000, whatIf);
            foreach (var item in items) await operation.AddAsync(item, output, CancellationToken.None);
            return (output, await operation.CompleteAsync(output, CancellationToken.None));
        }

        private static async Task<List<string>> DevicesAsync(IotSession session, string project)
        {
            var ids = new List<string>();
            await foreach (var d in session.Backend.ListDevicesAsync(new Backends.DeviceQuery { ProjectId = project }, IotAdmin.Http.ApiCallContext.Silent(), CancellationToken.None)) ids.Add(d.DeviceId);
            return ids;
        }
    }
}
