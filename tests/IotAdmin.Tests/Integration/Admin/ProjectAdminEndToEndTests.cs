using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using IotAdmin.Errors;
using IotAdmin.Models;
using IotAdmin.Operations.Admin;
using Xunit;

namespace IotAdmin.Tests.Integration.Admin
{
    /// <summary>Issue 15: New-, Set- and Remove-IotProject, Get-IotOrganization, Get-IotRole and Get-IotPermission against the emulator.</summary>
    public class ProjectAdminEndToEndTests
    {
        [Fact]
        public async Task A_project_is_created_with_a_time_zone_renamed_relocated_labelled_and_deleted()
        {
            await using var emulator = await Emulator.StartAsync(o => { o.Devices = 20; o.Projects = 2; });
            using var session = await emulator.ConnectAsync();
            var created = await AdminHarness.SingleAsync<IotProject>(session, (c, ct) => ProjectAdminOperations.NewAsync(c, null, new ProjectChange { DisplayName = "Site Oslo", TimeZone = "Europe/Oslo", Latitude = 59.9, Longitude = 10.7 }, ct));
            Assert.Equal("Site Oslo", created.DisplayName);
            Assert.Equal(emulator.Server.OrganizationId, created.OrganizationId);
            Assert.Equal("Europe/Oslo", created.TimeZone);
            Assert.Equal(59.9, created.Latitude);

            // Only the time zone changes: the position stays (the location goes as a whole, read first).
            var change = new ProjectChange { DisplayName = "Site Oslo 2", TimeZone = "Europe/Berlin", AddLabels = new Dictionary<string, string> { ["site"] = "osl", ["tier"] = "1" } };
            var changed = await AdminHarness.SingleAsync<IotProject>(session, (c, ct) => ProjectAdminOperations.SetAsync(c, created.ProjectId, change, true, ct));
            Assert.Equal("Site Oslo 2", changed.DisplayName);
            Assert.Equal("Europe/Berlin", changed.TimeZone);
            Assert.Equal(59.9, changed.Latitude);
            Assert.Equal(10.7, changed.Longitude);
            Assert.Equal("osl", changed.Labels["site"]);

            var unlabelled = await AdminHarness.SingleAsync<IotProject>(session, (c, ct) => ProjectAdminOperations.SetAsync(c, created.ProjectId, new ProjectChange { RemoveLabels = new[] { "tier" } }, true, ct));
            Assert.Equal(new[] { "site" }, unlabelled.Labels.Keys.ToArray());

            var removed = await AdminHarness.RunAsync(session, (c, ct) => ProjectAdminOperations.RemoveAsync(c, created.ProjectId, ct));
            Assert.Empty(removed.Errors);
            var gone = await AdminHarness.RunAsync(session, (c, ct) => IotAdmin.Operations.GetProjectOperation.RunAsync(session, new[] { created.ProjectId }, null, null, c.Output, ct));
            Assert.Equal(CanonicalStatus.NotFound, AdminHarness.SingleApiError(gone).Status);
        }

        [Fact]
        public async Task Deleting_a_project_with_devices_or_the_inventory_is_refused_per_project_and_whatif_sends_nothing()
        {
            await using var emulator = await Emulator.StartAsync(o => { o.Devices = 20; o.Projects = 2; });
            using var session = await emulator.ConnectAsync();
            var inventory = emulator.Server.ProjectIds[0];
            var withDevices = emulator.Server.ProjectIds[1];
            var before = await emulator.StatsAsync();
            var whatIf = await AdminHarness.RunAsync(session, (c, ct) => ProjectAdminOperations.RemoveAsync(c, withDevices, ct), shouldProcess: false);
            Assert.Empty(whatIf.Errors);
            Assert.Equal(("project '" + withDevices + "'", "Delete the project"), Assert.Single(whatIf.ShouldProcessCalls));
            Assert.Equal(0, (await emulator.StatsAsync()).ByRoute("DELETE /v2/projects/{p}") - before.ByRoute("DELETE /v2/projects/{p}"));

            foreach (var project in new[] { inventory, withDevices })
            {
                var output = await AdminHarness.RunAsync(session, (c, ct) => ProjectAdminOperations.RemoveAsync(c, project, ct));
                var e = AdminHarness.SingleApiError(output);
                Assert.Equal(400, e.StatusCode);
                Assert.Equal(IotErrorCategory.InvalidArgument, e.Category); // DT's bodies name no status: a 400 reads as INVALID_ARGUMENT
                Assert.Contains(project == inventory ? "inventory" : "device", e.ServerMessage);
                Assert.Equal(project, output.Errors[0].TargetObject);
            }

            Assert.Equal(2, (await emulator.StatsAsync()).ByRoute("DELETE /v2/projects/{p}") - before.ByRoute("DELETE /v2/projects/{p}"));
        }

        [Fact]
        public async Task Bad_input_is_refused_before_any_request()
        {
            await using var emulator = await Emulator.StartAsync(o => { o.Devices = 5; o.Projects = 1; });
            using var session = await emulator.ConnectAsync();
            var before = (await emulator.StatsAsync()).ApiRequests();
            await Assert.ThrowsAsync<System.ArgumentException>(() => AdminHarness.RunAsync(session, (c, ct) => ProjectAdminOperations.NewAsync(c, null, new ProjectChange { DisplayName = " " }, ct)));
            await Assert.ThrowsAsync<System.ArgumentException>(() => AdminHarness.RunAsync(session, (c, ct) => ProjectAdminOperations.SetAsync(c, emulator.Server.ProjectIds[0], new ProjectChange(), false, ct)));
            await Assert.ThrowsAsync<System.ArgumentException>(() => AdminHarness.RunAsync(session, (c, ct) => ProjectAdminOperations.SetAsync(c, emulator.Server.ProjectIds[0], new ProjectChange { AddLabels = new Dictionary<string, string> { ["a b"] = "x" } }, false, ct)));
            var badId = await AdminHarness.RunAsync(session, (c, ct) => ProjectAdminOperations.RemoveAsync(c, "projects/x y", ct));
            Assert.Equal("IotInvalidArgument", Assert.Single(badId.Errors).ErrorId);
            Assert.Equal(before, (await emulator.StatsAsync()).ApiRequests());
        }

        [Fact]
        public async Task Organization_roles_and_the_callers_permissions_are_read()
        {
            await using var emulator = await Emulator.StartAsync(o => { o.Devices = 5; o.Projects = 2; });
            using var session = await emulator.ConnectAsync();
            var organization = await AdminHarness.SingleAsync<IotOrganization>(session, (c, ct) => OrganizationOperations.GetOrganizationsAsync(c, new[] { emulator.Server.OrganizationId }, ct));
            Assert.Equal(emulator.Server.OrganizationId, organization.OrganizationId);

            var roles = (await AdminHarness.RunAsync(session, (c, ct) => OrganizationOperations.GetRolesAsync(c, null, ct))).Objects.Cast<IotRole>().ToList();
            Assert.Equal(AdminRules.AllRoles.OrderBy(r => r), roles.Select(r => r.Role).OrderBy(r => r));
            var developer = await AdminHarness.SingleAsync<IotRole>(session, (c, ct) => OrganizationOperations.GetRolesAsync(c, new[] { "roles/Project.Developer" }, ct));
            Assert.Contains("device.update", developer.Permissions);
            Assert.DoesNotContain("project.delete", developer.Permissions);
            var unknown = await AdminHarness.RunAsync(session, (c, ct) => OrganizationOperations.GetRolesAsync(c, new[] { "owner" }, ct));
            Assert.Equal("IotInvalidArgument", Assert.Single(unknown.Errors).ErrorId);

            var org = (await AdminHarness.RunAsync(session, (c, ct) => OrganizationOperations.GetPermissionsAsync(c, null, null, ct))).Objects.Cast<IotPermission>().ToList();
            Assert.Contains(org, p => p.Permission == "project.create" && p.OrganizationId == emulator.Server.OrganizationId);
            var project = (await AdminHarness.RunAsync(session, (c, ct) => OrganizationOperations.GetPermissionsAsync(c, new[] { emulator.Server.ProjectIds[1] }, null, ct))).Objects.Cast<IotPermission>().ToList();
            Assert.Contains(project, p => p.Permission == "project.delete" && p.ProjectId == emulator.Server.ProjectIds[1]);
        }
    }
}
