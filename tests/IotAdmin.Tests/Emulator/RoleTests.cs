using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace IotAdmin.Tests.EmulatorApi
{
    /// <summary>GET /roles and the permission matrix of dt-api-admin.md §3, over raw HTTP.</summary>
    public class RoleTests
    {
        [Fact]
        public async Task The_four_roles_each_add_to_the_one_before()
        {
            await using var api = await RawApi.StartAsync();
            var admin = await api.AdminAsync();
            var roles = await admin.ListAsync("/roles", "roles");
            Assert.Equal(new[] { "roles/project.user", "roles/project.developer", "roles/project.admin", "roles/organization.admin" }, roles.Select(r => r!["name"]!.GetValue<string>()));
            var permissions = roles.Select(r => r!["permissions"]!.AsArray().Select(p => p!.GetValue<string>()).ToList()).ToList();
            Assert.Equal(new[] { 8, 16, 27, 30 }, permissions.Select(p => p.Count));
            for (var i = 1; i < permissions.Count; i++) Assert.Empty(permissions[i - 1].Except(permissions[i]));
            Assert.Equal(new[] { "sensor.update", "device.update", "dataconnector.create", "dataconnector.update", "dataconnector.delete", "emulator.create", "emulator.update", "emulator.delete" }, permissions[1].Except(permissions[0]));
            Assert.Equal(
                new HashSet<string> { "project.update", "project.delete", "membership.create", "membership.update", "membership.delete", "serviceaccount.create", "serviceaccount.update", "serviceaccount.delete", "serviceaccount.key.create", "serviceaccount.key.delete", "device.transfer" },
                permissions[2].Except(permissions[1]).ToHashSet());
            Assert.Equal(new[] { "project.create", "organization.read", "organization.update" }, permissions[3].Except(permissions[2]));
        }

        [Theory]
        [InlineData("project.user", "Project user", "Users cannot change anything, just view the data in the Project")]
        [InlineData("project.developer", "Project developer", "Allows editing devices and Project settings")]
        [InlineData("organization.admin", "Organization administrator", "Administrator in organization")]
        public async Task A_role_is_read_by_its_short_name_with_DTs_texts(string role, string displayName, string description)
        {
            await using var api = await RawApi.StartAsync();
            var admin = await api.AdminAsync();
            var read = await admin.OkAsync("GET", "/roles/" + role);
            Assert.Equal("roles/" + role, read["name"]!.GetValue<string>());
            Assert.Equal(displayName, read["displayName"]!.GetValue<string>());
            Assert.Equal(description, read["description"]!.GetValue<string>());
            (await admin.SendAsync("GET", "/roles/project.owner")).DtError(404);
        }

        [Fact]
        public async Task Admin_calls_are_counted_under_their_route_templates()
        {
            await using var api = await RawApi.StartAsync();
            var admin = await api.AdminAsync();
            await admin.OkAsync("GET", $"/projects/{api.Inventory}/members");
            await admin.OkAsync("GET", $"/organizations/{api.OrganizationId}/members");
            var stats = System.Text.Json.Nodes.JsonNode.Parse(await RawApi.Http.GetStringAsync(new System.Uri(api.Server.BaseAddress, "_emulator/stats")))!["byRoute"]!;
            Assert.Equal(1, stats["GET /v2/projects/{p}/members"]!.GetValue<int>());
            Assert.Equal(1, stats["GET /v2/organizations/{o}/members"]!.GetValue<int>());
        }
    }
}
