using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Errors;
using IotAdmin.Models;
using IotAdmin.Operations.Admin;
using IotAdmin.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace IotAdmin.Tests.Integration.Admin
{
    /// <summary>Issue 15: Add-IotMember's batches and per-member outcomes; Get/Set/Remove-IotMember; invite URLs.</summary>
    public class MemberEndToEndTests
    {
        private const string BatchRoute = "POST /v2/projects/-/members:batchCreate";
        private const string AddRoute = "POST /v2/projects/{p}/members";

        private readonly ITestOutputHelper _log;

        public MemberEndToEndTests(ITestOutputHelper log) => _log = log;

        [Fact]
        public async Task Two_hundred_fifty_adds_to_three_projects_go_out_as_three_batch_calls()
        {
            await using var emulator = await Emulator.StartAsync(o => { o.Devices = 10; o.Projects = 4; });
            using var session = await emulator.ConnectAsync();
            var projects = emulator.Server.ProjectIds.Skip(1).ToList();
            var adds = Enumerable.Range(0, 250).Select(i => ((string?)projects[i % 3], "User" + i + "@Example.com", i % 2 == 0 ? "project.user" : "roles/project.developer")).ToList();
            var before = await emulator.StatsAsync();
            var output = new RecordingOutput();
            var summary = await AccessEndToEndTests.AddAllAsync(new AddMemberOperation(session, MemberBatchOperation.MaxBatchSize, false), output, adds, CancellationToken.None);
            var after = await emulator.StatsAsync();
            _log.WriteLine(summary.ToString());
            Assert.Empty(output.Errors);
            Assert.Equal(3, after.ByRoute(BatchRoute) - before.ByRoute(BatchRoute));
            Assert.Equal(3, summary.Requests);
            Assert.Equal(250, summary.Succeeded);
            Assert.Equal(250, output.Objects.Count);
            Assert.All(output.Objects.Cast<IotMember>(), m => Assert.Equal(m.Email.ToLowerInvariant(), m.Email));
            var (_, tags) = Assert.Single(output.Information);
            Assert.Contains("Add-IotMember", tags);

            var listed = await AdminHarness.RunAsync(session, (c, ct) => MemberOperations.GetAsync(c, projects[0], null, null, false, ct));
            Assert.Equal(84, listed.Objects.Cast<IotMember>().Count(m => m.Email.StartsWith("user", System.StringComparison.Ordinal)));
        }

        [Fact]
        public async Task A_batch_refused_for_an_existing_member_is_resent_one_by_one_so_each_member_has_its_outcome()
        {
            await using var emulator = await Emulator.StartAsync(o => { o.Devices = 10; o.Projects = 2; });
            using var session = await emulator.ConnectAsync();
            var project = emulator.Server.ProjectIds[1];
            await AccessEndToEndTests.AddAllAsync(new AddMemberOperation(session, 100, false), new RecordingOutput(), new[] { ((string?)project, "taken@example.com", "project.user") }, CancellationToken.None);
            var before = await emulator.StatsAsync();
            var output = new RecordingOutput();
            var adds = new[] { "a@example.com", "taken@example.com", "b@example.com" }.Select(e => ((string?)project, e, "project.admin"));
            var summary = await AccessEndToEndTests.AddAllAsync(new AddMemberOperation(session, 100, false), output, adds, CancellationToken.None);
            var after = await emulator.StatsAsync();
            Assert.Equal(2, summary.Succeeded);
            Assert.Equal(1, summary.Failed);
            var error = Assert.Single(output.Errors);
            Assert.Equal("taken@example.com", error.TargetObject);
            Assert.Equal(CanonicalStatus.AlreadyExists, ((IotApiException)error.Exception).Status);
            Assert.Equal(1, after.ByRoute(BatchRoute) - before.ByRoute(BatchRoute));
            Assert.Equal(3, after.ByRoute(AddRoute) - before.ByRoute(AddRoute));
        }

        [Fact]
        public async Task A_batch_across_projects_refused_403_is_resent_per_member_and_only_the_project_it_lacks_fails()
        {
            await using var emulator = await Emulator.StartAsync(o => { o.Devices = 10; o.Projects = 3; });
            using var admin = await emulator.ConnectAsync();
            var (p1, p2) = (emulator.Server.ProjectIds[1], emulator.Server.ProjectIds[2]);
            var (account, _, session) = await AdminHarness.NewAccountSessionAsync(emulator, admin, p1, "half-admin");
            using (session)
            {
                await AccessEndToEndTests.AddAllAsync(new AddMemberOperation(admin, 100, false), new RecordingOutput(), new[] { ((string?)p1, account.Email, "project.admin"), (p2, account.Email, "project.user") }, CancellationToken.None);
                var output = new RecordingOutput();
                var adds = new[] { ((string?)p1, "one@example.com", "project.user"), (p2, "two@example.com", "project.user"), (p1, "three@example.com", "project.user") };
                var summary = await AccessEndToEndTests.AddAllAsync(new AddMemberOperation(session, 100, false), output, adds, CancellationToken.None);
                Assert.Equal(2, summary.Succeeded);
                var error = Assert.Single(output.Errors);
                Assert.Equal("two@example.com", error.TargetObject);
                Assert.Equal("IotApiPermissionDenied", error.ErrorId);
                Assert.Contains("role project.admin", error.RecommendedAction);
                Assert.Equal(4, summary.Requests); // the refused batch, then one add per member
            }
        }

        [Fact]
        public async Task Piped_removals_go_out_as_batch_deletes_and_an_unknown_member_fails_alone()
        {
            await using var emulator = await Emulator.StartAsync(o => { o.Devices = 10; o.Projects = 3; });
            using var session = await emulator.ConnectAsync();
            var projects = emulator.Server.ProjectIds.Skip(1).ToList();
            var added = new RecordingOutput();
            await AccessEndToEndTests.AddAllAsync(new AddMemberOperation(session, 100, false), added, Enumerable.Range(0, 120).Select(i => ((string?)projects[i % 2], "gone" + i + "@example.com", "project.user")), CancellationToken.None);
            var members = added.Objects.Cast<IotMember>().ToList();
            var before = await emulator.StatsAsync();
            var output = new RecordingOutput();
            var removal = new RemoveMemberOperation(session, 100, false);
            foreach (var m in members.Select(m => (ProjectId: m.ProjectId!, m.MemberId)).Append((ProjectId: projects[0], MemberId: "9999999")))
            {
                var io = removal.Remove(m.ProjectId, null, m.MemberId, output);
                if (io != null) await io(output, CancellationToken.None);
            }

            var summary = await removal.CompleteAsync(output, CancellationToken.None);
            var after = await emulator.StatsAsync();
            Assert.Equal(120, summary.Succeeded);
            var error = Assert.Single(output.Errors);
            Assert.Equal("9999999", error.TargetObject);
            Assert.Equal(CanonicalStatus.NotFound, ((IotApiException)error.Exception).Status);
            // 100 in the first batch; the last 21 refused together for the unknown one, then sent one by one.
            Assert.Equal(2, after.ByRoute("POST /v2/projects/-/members:batchDelete") - before.ByRoute("POST /v2/projects/-/members:batchDelete"));
            Assert.Equal(21, after.ByRoute("DELETE /v2/projects/{p}/members/{m}") - before.ByRoute("DELETE /v2/projects/{p}/members/{m}"));
            foreach (var project in projects)
                Assert.DoesNotContain((await AdminHarness.RunAsync(session, (c, ct) => MemberOperations.GetAsync(c, project, null, null, false, ct))).Objects.Cast<IotMember>(), m => m.Email.StartsWith("gone", System.StringComparison.Ordinal));
        }

        [Fact]
        public async Task Bad_members_and_declined_ones_are_counted_and_never_sent()
        {
            await using var emulator = await Emulator.StartAsync(o => { o.Devices = 10; o.Projects = 2; });
            using var session = await emulator.ConnectAsync();
            var project = emulator.Server.ProjectIds[1];
            var before = (await emulator.StatsAsync()).ApiRequests();
            var output = new RecordingOutput();
            var adds = new[] { ((string?)project, "not-an-email", "project.user"), (project, "x@example.com", "organization.admin"), (project, "y@example.com", "owner") };
            var summary = await AccessEndToEndTests.AddAllAsync(new AddMemberOperation(session, 100, false), output, adds, CancellationToken.None);
            Assert.Equal(3, summary.Failed);
            Assert.All(output.Errors, e => Assert.Equal("IotInvalidArgument", e.ErrorId));
            Assert.Contains(output.Errors, e => e.Message.Contains("organization role"));

            var whatIf = new RecordingOutput { ShouldProcessAnswer = false };
            var skipped = await AccessEndToEndTests.AddAllAsync(new AddMemberOperation(session, 100, true), whatIf, new[] { ((string?)project, "z@example.com", "project.user") }, CancellationToken.None);
            Assert.Equal(1, skipped.WhatIf);
            Assert.Equal(before, (await emulator.StatsAsync()).ApiRequests());
        }

        [Fact]
        public async Task Members_are_read_changed_given_an_invite_url_found_across_projects_and_removed()
        {
            await using var emulator = await Emulator.StartAsync(o => { o.Devices = 10; o.Projects = 3; });
            using var session = await emulator.ConnectAsync();
            var p1 = emulator.Server.ProjectIds[1];
            var p2 = emulator.Server.ProjectIds[2];
            var output = new RecordingOutput();
            await AccessEndToEndTests.AddAllAsync(new AddMemberOperation(session, 100, false), output, new[] { ((string?)p1, "new.user@example.com", "project.user"), (p2, "new.user@example.com", "project.user") }, CancellationToken.None);
            var pending = output.Objects.Cast<IotMember>().First(m => m.ProjectId == p1);
            Assert.Equal("PENDING", pending.Status);
            Assert.Equal("USER", pending.AccountType);

            var url = await AdminHarness.SingleAsync<string>(session, (c, ct) => MemberOperations.GetInviteUrlAsync(c, p1, null, pending.MemberId, ct));
            Assert.StartsWith("http", url);

            var changed = await AdminHarness.SingleAsync<IotMember>(session, (c, ct) => MemberOperations.SetRoleAsync(c, p1, null, pending.MemberId, "project.admin", true, ct));
            Assert.Equal("project.admin", changed.Role);
            var got = await AdminHarness.SingleAsync<IotMember>(session, (c, ct) => MemberOperations.GetAsync(c, p1, null, new[] { pending.MemberId }, false, ct));
            Assert.Equal("project.admin", got.Role);

            var everywhere = await AdminHarness.RunAsync(session, (c, ct) => MemberOperations.GetAsync(c, null, null, new[] { pending.MemberId }, true, ct));
            Assert.Equal(new[] { p1, p2 }.OrderBy(p => p), everywhere.Objects.Cast<IotMember>().Select(m => m.ProjectId).OrderBy(p => p));

            // The organization's members: the seeded admin account and owner are accepted, so no invite URL (400).
            var orgMembers = (await AdminHarness.RunAsync(session, (c, ct) => MemberOperations.GetAsync(c, null, null, null, false, ct))).Objects.Cast<IotMember>().ToList();
            Assert.All(orgMembers, m => Assert.Equal(emulator.Server.OrganizationId, m.OrganizationId));
            var accepted = orgMembers.First(m => m.Status == "ACCEPTED");
            var refused = await AdminHarness.RunAsync(session, (c, ct) => MemberOperations.GetInviteUrlAsync(c, null, null, accepted.MemberId, ct));
            Assert.Equal(400, AdminHarness.SingleApiError(refused).StatusCode);

            var removed = new RecordingOutput();
            var removal = new RemoveMemberOperation(session, 100, false);
            Assert.Null(removal.Remove(p1, null, pending.MemberId, removed));
            Assert.Equal(1, (await removal.CompleteAsync(removed, CancellationToken.None)).Succeeded);
            Assert.Empty(removed.Errors);
            var again = await AdminHarness.RunAsync(session, (c, ct) => MemberOperations.GetAsync(c, p1, null, new[] { pending.MemberId }, false, ct));
            Assert.Equal(CanonicalStatus.NotFound, AdminHarness.SingleApiError(again).Status);
        }
    }
}
