using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Errors;
using IotAdmin.Http;
using IotAdmin.Models;
using IotAdmin.Operations;
using IotAdmin.Operations.Admin;
using IotAdmin.Tests.Support;
using Xunit;

namespace IotAdmin.Tests.Integration.Admin
{
    /// <summary>Issue 15: a service account made through the API sees and changes only what its membership allows.</summary>
    public class AccessEndToEndTests
    {
        [Fact]
        public async Task A_new_account_sees_nothing_until_added_and_a_project_user_gets_403_naming_the_role_it_needs()
        {
            await using var emulator = await Emulator.StartAsync(o => { o.Devices = 30; o.Projects = 3; });
            using var admin = await emulator.ConnectAsync();
            var project = emulator.Server.ProjectIds[1];
            var (account, _, session) = await AdminHarness.NewAccountSessionAsync(emulator, admin, project, "reader");
            using (session)
            {
                var seen = new RecordingOutput();
                await GetProjectOperation.RunAsync(session, null, null, null, seen, CancellationToken.None);
                Assert.Empty(seen.Objects);
                Assert.Empty(seen.Errors);

                var member = await AdminHarness.SingleAsync<IotMember>(admin, (c, ct) => AddAsync(c, project, account.Email, "project.user", ct));
                Assert.Equal("SERVICE_ACCOUNT", member.AccountType);
                Assert.Equal(account.ServiceAccountId, member.MemberId);
                Assert.Equal("project.user", member.Role);

                seen = new RecordingOutput();
                await GetProjectOperation.RunAsync(session, null, null, null, seen, CancellationToken.None);
                Assert.Equal(project, Assert.IsType<IotProject>(Assert.Single(seen.Objects)).ProjectId);

                // Changing the project needs project.admin; labelling a device needs project.developer.
                var denied = await AdminHarness.RunAsync(session, (c, ct) => ProjectAdminOperations.SetAsync(c, project, new ProjectChange { DisplayName = "mine" }, false, ct));
                var e = AdminHarness.SingleApiError(denied);
                Assert.Equal(403, e.StatusCode);
                Assert.Equal("IotApiPermissionDenied", denied.Errors[0].ErrorId);
                Assert.Equal(IotErrorCategory.PermissionDenied, denied.Errors[0].Category);
                Assert.Contains("role project.admin", denied.Errors[0].RecommendedAction);

                var device = (await ListDeviceIdsAsync(admin, project)).First();
                var labelDenied = await Assert.ThrowsAsync<IotApiException>(() => session.Backend.UpdateLabelsAsync(project, new[] { device }, new Dictionary<string, string> { ["x"] = "1" }, new string[0], ApiCallContext.Silent(), CancellationToken.None));
                Assert.Contains("role project.developer", labelDenied.RecommendedAction);

                // Once a developer, it may label devices, still not delete the project.
                await AdminHarness.SingleAsync<IotMember>(admin, (c, ct) => MemberOperations.SetRoleAsync(c, project, null, member.MemberId, "project.developer", true, ct));
                Assert.Empty(await session.Backend.UpdateLabelsAsync(project, new[] { device }, new Dictionary<string, string> { ["x"] = "1" }, new string[0], ApiCallContext.Silent(), CancellationToken.None));
                var deleteDenied = await AdminHarness.RunAsync(session, (c, ct) => ProjectAdminOperations.RemoveAsync(c, project, ct));
                Assert.Contains("role project.admin", deleteDenied.Errors.Single().RecommendedAction);

                // Other projects stay invisible (404), and the organization's permissions are none.
                var other = await AdminHarness.RunAsync(session, (c, ct) => OrganizationOperations.GetPermissionsAsync(c, new[] { emulator.Server.ProjectIds[2] }, null, ct));
                Assert.Equal(CanonicalStatus.NotFound, AdminHarness.SingleApiError(other).Status);
            }
        }

        [Fact]
        public async Task A_google_session_is_refused_before_any_request()
        {
            await using var g = await GoogleBackendTests.GoogleEmulator.StartAsync(o => { o.Devices = 5; o.Projects = 1; });
            using var session = await g.ConnectAsync();
            var before = await g.StatsAsync();
            var e = Assert.Throws<IotApiException>(() => new AdminCall(session, new RecordingOutput(), "service accounts"));
            Assert.Equal(CanonicalStatus.Unimplemented, e.Status);
            Assert.Equal("IotApiUnimplemented", e.ErrorId);
            Assert.Contains("service accounts", e.Message);
            Assert.Throws<IotApiException>(() => new AddMemberOperation(session, 100, false));
            Assert.Equal(before.Requests, (await g.StatsAsync()).Requests);
        }

        private static Task AddAsync(AdminCall call, string projectId, string email, string role, CancellationToken ct)
        {
            var operation = new AddMemberOperation(call.Session, MemberBatchOperation.MaxBatchSize, false);
            return AddAllAsync(operation, call.Output, new[] { ((string?)projectId, email, role) }, ct);
        }

        internal static async Task<IotBulkSummary> AddAllAsync(AddMemberOperation operation, IotAdmin.Output.ICommandOutput output, IEnumerable<(string? Project, string Email, string Role)> members, CancellationToken ct)
        {
            foreach (var m in members)
            {
                var io = operation.Add(m.Project, null, m.Email, m.Role, output);
                if (io != null) await io(output, ct);
            }

            return await operation.CompleteAsync(output, ct);
        }

        private static async Task<List<string>> ListDeviceIdsAsync(IotAdmin.Sessions.IotSession session, string project)
        {
            var ids = new List<string>();
            await foreach (var d in session.Backend.ListDevicesAsync(new IotAdmin.Backends.DeviceQuery { ProjectId = project }, ApiCallContext.Silent(), CancellationToken.None)) ids.Add(d.DeviceId);
            return ids;
        }
    }
}
