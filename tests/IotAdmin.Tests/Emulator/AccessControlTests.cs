using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace IotAdmin.Tests.EmulatorApi
{
    /// <summary>Every call is authorized by the caller's role (dt-api-admin.md §2–3), over raw HTTP.</summary>
    public class AccessControlTests
    {
        [Fact]
        public async Task The_seeded_account_is_organization_admin()
        {
            await using var api = await RawApi.StartAsync();
            var admin = await api.AdminAsync();
            var permissions = (await admin.OkAsync("GET", $"/organizations/{api.OrganizationId}/permissions"))["permissions"]!.AsArray().Select(p => p!.GetValue<string>()).ToList();
            Assert.Equal(new[] { "project.create", "membership.create", "membership.read", "membership.update", "membership.delete", "organization.update", "organization.read" }, permissions);
            var members = await admin.ListAsync($"/organizations/{api.OrganizationId}/members", "members");
            var self = Assert.Single(members, m => m!["email"]!.GetValue<string>() == api.Server.Credentials.Email);
            Assert.Equal("roles/organization.admin", Assert.Single(self!["roles"]!.AsArray())!.GetValue<string>());
            Assert.Equal("SERVICE_ACCOUNT", self["accountType"]!.GetValue<string>());
            // An organization admin is a project admin in every project.
            var projectPermissions = (await admin.OkAsync("GET", $"/projects/{api.Server.ProjectIds[1]}/permissions"))["permissions"]!.AsArray().Select(p => p!.GetValue<string>()).ToList();
            Assert.Contains("project.delete", projectPermissions);
            Assert.Contains("membership.create", projectPermissions);
            Assert.DoesNotContain("project.create", projectPermissions);
            Assert.Equal(api.Server.ProjectIds.Count, (await admin.ListAsync("/projects", "projects")).Count);
        }

        [Fact]
        public async Task A_new_service_account_sees_nothing_until_it_is_a_member()
        {
            await using var api = await RawApi.StartAsync();
            var admin = await api.AdminAsync();
            var project = api.Server.ProjectIds[1];
            var robot = await api.NewServiceAccountAsync(admin, project);

            Assert.Empty(await robot.Caller.ListAsync("/projects", "projects"));
            Assert.Empty(await robot.Caller.ListAsync("/organizations", "organizations"));
            Assert.Contains($"project '{project}' not found", (await robot.Caller.SendAsync("GET", $"/projects/{project}")).DtError(404));
            (await robot.Caller.SendAsync("GET", $"/projects/{project}/devices")).DtError(404);
            (await robot.Caller.SendAsync("GET", $"/organizations/{api.OrganizationId}")).DtError(404);
            (await robot.Caller.SendAsync("GET", $"/projects/-/devices?organization=organizations/{api.OrganizationId}")).DtError(404);

            await admin.OkAsync("POST", $"/projects/{project}/members", RawApi.Member(robot.Email, "project.user"));
            var visible = await robot.Caller.ListAsync("/projects", "projects");
            Assert.Equal("projects/" + project, Assert.Single(visible)!["name"]!.GetValue<string>());
            Assert.Single(await robot.Caller.ListAsync("/organizations", "organizations"));
            // Other projects stay invisible: 404, not 403.
            (await robot.Caller.SendAsync("GET", $"/projects/{api.Server.ProjectIds[2]}")).DtError(404);
            (await robot.Caller.SendAsync("GET", $"/projects/{api.Server.ProjectIds[2]}/devices")).DtError(404);
            // Across projects, only the devices of projects it can read.
            var all = await robot.Caller.ListAsync($"/projects/-/devices?organization=organizations/{api.OrganizationId}", "devices");
            Assert.NotEmpty(all);
            Assert.All(all, d => Assert.StartsWith($"projects/{project}/", d!["name"]!.GetValue<string>()));
        }

        [Fact]
        public async Task A_project_user_reads_but_gets_403_on_every_change_naming_the_role_it_needs()
        {
            await using var api = await RawApi.StartAsync();
            var admin = await api.AdminAsync();
            var project = api.Server.ProjectIds[1];
            var robot = await api.NewServiceAccountAsync(admin, project);
            await admin.OkAsync("POST", $"/projects/{project}/members", RawApi.Member(robot.Email, "project.user"));

            var devices = await robot.Caller.ListAsync($"/projects/{project}/devices", "devices");
            var device = devices[0]!["name"]!.GetValue<string>();
            await robot.Caller.OkAsync("GET", "/" + device);
            var permissions = (await robot.Caller.OkAsync("GET", $"/projects/{project}/permissions"))["permissions"]!.AsArray().Select(p => p!.GetValue<string>());
            Assert.Equal(new[] { "project.read", "membership.read", "sensor.read", "device.read", "dataconnector.read", "serviceaccount.read", "serviceaccount.key.read", "emulator.read" }, permissions);
            Assert.Empty((await robot.Caller.OkAsync("GET", $"/organizations/{api.OrganizationId}/permissions"))["permissions"]!.AsArray());

            var label = await robot.Caller.SendAsync("POST", $"/projects/{project}/devices:batchUpdate", new JsonObject { ["devices"] = new JsonArray(device), ["addLabels"] = new JsonObject { ["zone"] = "x" } });
            Assert.Contains("device.update", label.DtError(403));
            Assert.Contains("project.developer", label.DtError(403));
            Assert.Contains("project.admin", (await robot.Caller.SendAsync("PATCH", $"/projects/{project}", new JsonObject { ["displayName"] = "mine" })).DtError(403));
            Assert.Contains("project.admin", (await robot.Caller.SendAsync("DELETE", $"/projects/{project}")).DtError(403));
            (await robot.Caller.SendAsync("POST", $"/projects/{project}/members", RawApi.Member("someone@example.com", "project.user"))).DtError(403);
            (await robot.Caller.SendAsync("POST", $"/projects/{project}/serviceaccounts", new JsonObject())).DtError(403);
            (await robot.Caller.SendAsync("POST", $"/projects/{project}/devices", new JsonObject { ["type"] = "touch" })).DtError(403);
            Assert.Contains("organization.admin", (await robot.Caller.SendAsync("POST", "/projects", new JsonObject { ["displayName"] = "x", ["organization"] = "organizations/" + api.OrganizationId })).DtError(403));
            (await robot.Caller.SendAsync("GET", $"/organizations/{api.OrganizationId}/members")).DtError(403);
            // Nothing changed.
            Assert.NotEqual("x", (await admin.OkAsync("GET", "/" + device))["labels"]!["zone"]?.GetValue<string>());
        }

        [Theory]
        [InlineData("POST", "/projects/P/devices/D/labels", "{\"key\":\"k\",\"value\":\"v\"}")]
        [InlineData("PATCH", "/projects/P/devices/D/labels/name", "{\"value\":\"v\"}")]
        [InlineData("DELETE", "/projects/P/devices/D/labels/name", null)]
        [InlineData("DELETE", "/projects/P/devices/D", null)]
        [InlineData("POST", "/projects/P/devices/D:publish", "{\"touch\":{}}")]
        [InlineData("POST", "/projects/P/devices:transfer", "{\"devices\":[\"projects/P/devices/D\"]}")]
        [InlineData("POST", "/projects/P/serviceaccounts/S/keys", null)]
        [InlineData("DELETE", "/projects/P/serviceaccounts/S", null)]
        [InlineData("PATCH", "/projects/P/members/S", "{\"roles\":[\"roles/project.admin\"]}")]
        public async Task Every_device_and_admin_change_is_403_for_a_project_user(string method, string path, string? json)
        {
            await using var api = await RawApi.StartAsync();
            var admin = await api.AdminAsync();
            var project = api.Server.ProjectIds[1];
            var robot = await api.NewServiceAccountAsync(admin, project);
            await admin.OkAsync("POST", $"/projects/{project}/members", RawApi.Member(robot.Email, "project.user"));
            var device = (await admin.ListAsync($"/projects/{project}/devices", "devices"))[0]!["name"]!.GetValue<string>().Split('/')[3];
            var before = (await admin.OkAsync("GET", $"/projects/{project}/devices/{device}")).ToJsonString();
            path = path.Replace("/P", "/" + project).Replace("/D", "/" + device).Replace("/S", "/" + robot.Id);
            var answer = json == null ? await robot.Caller.SendAsync(method, path) : await robot.Caller.SendRawAsync(method, path, json.Replace("/P/", $"/{project}/").Replace("/D\"", $"/{device}\""));
            Assert.Contains("needs the role", answer.DtError(403));
            Assert.Equal(before, (await admin.OkAsync("GET", $"/projects/{project}/devices/{device}")).ToJsonString());
            Assert.Equal("roles/project.user", (await admin.OkAsync("GET", $"/projects/{project}/members/{robot.Id}"))["roles"]![0]!.GetValue<string>());
        }

        [Fact]
        public async Task A_device_named_through_the_wildcard_project_is_authorized_in_its_own_project()
        {
            await using var api = await RawApi.StartAsync();
            var admin = await api.AdminAsync();
            var (mine, other) = (api.Server.ProjectIds[1], api.Server.ProjectIds[2]);
            var robot = await api.NewServiceAccountAsync(admin, mine);
            await admin.OkAsync("POST", $"/projects/{mine}/members", RawApi.Member(robot.Email, "project.user"));
            var own = (await admin.ListAsync($"/projects/{mine}/devices", "devices"))[0]!["name"]!.GetValue<string>().Split('/')[3];
            var foreign = (await admin.ListAsync($"/projects/{other}/devices", "devices"))[0]!["name"]!.GetValue<string>().Split('/')[3];

            await robot.Caller.OkAsync("GET", $"/projects/-/devices/{own}");
            (await robot.Caller.SendAsync("GET", $"/projects/-/devices/{foreign}")).DtError(404);
            Assert.Contains("device.update", (await robot.Caller.SendAsync("POST", $"/projects/-/devices/{own}/labels", new JsonObject { ["key"] = "k", ["value"] = "v" })).DtError(403));
            (await robot.Caller.SendAsync("POST", $"/projects/-/devices/{foreign}/labels", new JsonObject { ["key"] = "k", ["value"] = "v" })).DtError(404);
            (await robot.Caller.SendAsync("DELETE", $"/projects/-/devices/{foreign}/labels/name")).DtError(404);
            Assert.NotNull((await admin.OkAsync("GET", $"/projects/{other}/devices/{foreign}"))["labels"]!["name"]);
            Assert.Null((await admin.OkAsync("GET", $"/projects/{other}/devices/{foreign}"))["labels"]!["k"]);
        }

        [Fact]
        public async Task DT_service_accounts_do_not_reach_the_Cloud_IoT_Core_API()
        {
            await using var api = await RawApi.StartAsync();
            var admin = await api.AdminAsync();
            var registries = $"{api.Server.GoogleApiRoot.AbsoluteUri}/projects/{api.Server.Options.GoogleProject}/locations/{api.Server.Options.GoogleLocation}/registries";
            using var request = new HttpRequestMessage(HttpMethod.Get, registries);
            request.Headers.TryAddWithoutValidation("Authorization", admin.Authorization);
            using var response = await RawApi.Http.SendAsync(request);
            Assert.Equal(403, (int)response.StatusCode);
            Assert.Equal("PERMISSION_DENIED", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["status"]!.GetValue<string>());
        }

        [Fact]
        public async Task A_reset_forgets_accounts_made_through_the_API_but_keeps_the_seeded_one()
        {
            await using var api = await RawApi.StartAsync();
            var admin = await api.AdminAsync();
            var robot = await api.NewServiceAccountAsync(admin, api.Inventory);
            await admin.OkAsync("POST", $"/organizations/{api.OrganizationId}/members", RawApi.Member(robot.Email, "organization.admin"));
            using (var reset = await RawApi.Http.PostAsync(new Uri(api.Server.BaseAddress, "_emulator/reset"), null)) reset.EnsureSuccessStatusCode();
            (await robot.Caller.SendAsync("GET", "/projects")).DtError(401);
            Assert.Equal(api.Server.ProjectIds.Count, (await admin.ListAsync("/projects", "projects")).Count);
            Assert.Equal(2, (await admin.ListAsync($"/organizations/{api.OrganizationId}/members", "members")).Count);
        }

        [Fact]
        public async Task A_project_developer_changes_devices_but_not_the_project_or_its_members()
        {
            await using var api = await RawApi.StartAsync();
            var admin = await api.AdminAsync();
            var project = api.Server.ProjectIds[1];
            var robot = await api.NewServiceAccountAsync(admin, project);
            await admin.OkAsync("POST", $"/projects/{project}/members", RawApi.Member(robot.Email, "project.developer"));

            var device = (await robot.Caller.ListAsync($"/projects/{project}/devices", "devices"))[0]!["name"]!.GetValue<string>();
            var batch = await robot.Caller.OkAsync("POST", $"/projects/{project}/devices:batchUpdate", new JsonObject { ["devices"] = new JsonArray(device), ["addLabels"] = new JsonObject { ["zone"] = "dev" } });
            Assert.Empty(batch["batchErrors"]!.AsArray());
            Assert.Equal("dev", (await admin.OkAsync("GET", "/" + device))["labels"]!["zone"]!.GetValue<string>());
            await robot.Caller.OkAsync("POST", $"/projects/{project}/devices", new JsonObject { ["type"] = "touch" });
            Assert.Contains("project.admin", (await robot.Caller.SendAsync("DELETE", $"/projects/{project}")).DtError(403));
            Assert.Contains("device.transfer", (await robot.Caller.SendAsync("POST", $"/projects/{project}/devices:transfer", new JsonObject { ["devices"] = new JsonArray(device) })).DtError(403));
            (await robot.Caller.SendAsync("POST", $"/projects/{project}/serviceaccounts/{robot.Id}/keys")).DtError(403);
        }

        [Fact]
        public async Task A_project_admin_runs_its_project_but_not_the_organization_nor_other_projects()
        {
            await using var api = await RawApi.StartAsync();
            var admin = await api.AdminAsync();
            var mine = api.Server.ProjectIds[1];
            var other = api.Server.ProjectIds[2];
            var robot = await api.NewServiceAccountAsync(admin, mine);
            await admin.OkAsync("POST", $"/projects/{mine}/members", RawApi.Member(robot.Email, "project.admin"));

            await robot.Caller.OkAsync("PATCH", $"/projects/{mine}", new JsonObject { ["displayName"] = "Renamed" });
            var helper = await api.NewServiceAccountAsync(robot.Caller, mine, "helper");
            await robot.Caller.OkAsync("POST", $"/projects/{mine}/members", RawApi.Member(helper.Email, "project.user"));
            Assert.Single(await helper.Caller.ListAsync("/projects", "projects"));
            (await robot.Caller.SendAsync("POST", $"/projects/{other}/members", RawApi.Member(helper.Email, "project.user"))).DtError(404);
            (await robot.Caller.SendAsync("POST", $"/organizations/{api.OrganizationId}/members", RawApi.Member(helper.Email, "organization.admin"))).DtError(403);

            // Transfer needs device.transfer in the source too: devices of an invisible project are NOT_FOUND, per device.
            var foreign = (await admin.ListAsync($"/projects/{other}/devices", "devices"))[0]!["name"]!.GetValue<string>();
            var transfer = await robot.Caller.OkAsync("POST", $"/projects/{mine}/devices:transfer", new JsonObject { ["devices"] = new JsonArray(foreign) });
            Assert.Equal("NOT_FOUND", transfer["transferErrors"]![0]!["status"]!["code"]!.GetValue<string>());
            Assert.Empty(transfer["transferredDevices"]!.AsArray());
        }

        [Fact]
        public async Task An_organization_admin_member_may_do_everything_and_a_removed_member_nothing()
        {
            await using var api = await RawApi.StartAsync();
            var admin = await api.AdminAsync();
            var robot = await api.NewServiceAccountAsync(admin, api.Inventory);
            var added = await admin.OkAsync("POST", $"/organizations/{api.OrganizationId}/members", RawApi.Member(robot.Email, "organization.admin"));
            Assert.Equal(api.Server.ProjectIds.Count, (await robot.Caller.ListAsync("/projects", "projects")).Count);
            var project = await api.NewProjectAsync(robot.Caller, "By robot");

            await admin.OkAsync("DELETE", "/" + added["name"]!.GetValue<string>());
            Assert.Empty(await robot.Caller.ListAsync("/projects", "projects"));
            (await robot.Caller.SendAsync("DELETE", $"/projects/{project}")).DtError(404);
        }

        [Fact]
        public async Task A_deleted_service_account_is_unauthenticated_and_its_keys_get_no_token()
        {
            await using var api = await RawApi.StartAsync();
            var admin = await api.AdminAsync();
            var robot = await api.NewServiceAccountAsync(admin, api.Inventory);
            await admin.OkAsync("DELETE", $"/projects/{api.Inventory}/serviceaccounts/{robot.Id}");
            Assert.Contains("no longer exists", (await robot.Caller.SendAsync("GET", "/projects")).DtError(401));
            var (status, body) = await api.GrantAsync(robot.KeyId, robot.Secret, robot.Email);
            Assert.Equal(400, (int)status);
            Assert.Equal("invalid_grant", body["error"]!.GetValue<string>());
        }

        [Fact]
        public async Task Basic_auth_works_only_while_enableBasicAuth_is_on()
        {
            await using var api = await RawApi.StartAsync();
            var admin = await api.AdminAsync();
            var robot = await api.NewServiceAccountAsync(admin, api.Inventory);
            await admin.OkAsync("POST", $"/projects/{api.Inventory}/members", RawApi.Member(robot.Email, "project.user"));
            var basic = new RawApi.Caller(api, Convert.ToBase64String(Encoding.UTF8.GetBytes(robot.KeyId + ":" + robot.Secret)), "Basic");
            Assert.Contains("enableBasicAuth", (await basic.SendAsync("GET", "/projects")).DtError(401));

            await admin.OkAsync("PATCH", $"/projects/{api.Inventory}/serviceaccounts/{robot.Id}", new JsonObject { ["enableBasicAuth"] = true });
            Assert.Single(await basic.ListAsync("/projects", "projects"));
            var wrong = new RawApi.Caller(api, Convert.ToBase64String(Encoding.UTF8.GetBytes(robot.KeyId + ":not-the-secret")), "basic");
            (await wrong.SendAsync("GET", "/projects")).DtError(401);

            await admin.OkAsync("DELETE", $"/projects/{api.Inventory}/serviceaccounts/{robot.Id}/keys/{robot.KeyId}");
            (await basic.SendAsync("GET", "/projects")).DtError(401);
        }

        [Fact]
        public async Task Each_service_account_has_its_own_rate_window()
        {
            await using var api = await RawApi.StartAsync(o => o.RateLimit = 3);
            var admin = await api.AdminAsync();
            // The admin spends its 3 requests of the window (2 to create the robot and its key); the robot has its own 3.
            var robot = await api.NewServiceAccountAsync(admin, api.Inventory);
            Assert.Equal(200, (await admin.SendAsync("GET", "/roles")).Status);
            (await admin.SendAsync("GET", "/roles")).DtError(429);
            for (var i = 0; i < 3; i++) Assert.Equal(200, (await robot.Caller.SendAsync("GET", "/roles")).Status);
            (await robot.Caller.SendAsync("GET", "/roles")).DtError(429);
        }
    }
}
