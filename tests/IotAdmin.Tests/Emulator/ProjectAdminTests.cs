using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace IotAdmin.Tests.EmulatorApi
{
    /// <summary>Projects: create, update, delete and labels (dt-api-admin.md §1), over raw HTTP.</summary>
    public class ProjectAdminTests
    {
        [Fact]
        public async Task A_project_is_created_with_a_location_and_renamed_and_relocated()
        {
            await using var api = await RawApi.StartAsync();
            var admin = await api.AdminAsync();
            var created = await admin.OkAsync("POST", "/projects", new JsonObject
            {
                ["organization"] = "organizations/" + api.OrganizationId,
                ["displayName"] = "Oslo office",
                ["location"] = new JsonObject { ["latitude"] = 59.91, ["longitude"] = 10.75, ["timeLocation"] = "Europe/Oslo" },
            });
            var name = created["name"]!.GetValue<string>();
            Assert.StartsWith("projects/", name);
            Assert.Equal("Oslo office", created["displayName"]!.GetValue<string>());
            Assert.Equal("organizations/" + api.OrganizationId, created["organization"]!.GetValue<string>());
            Assert.False(created["inventory"]!.GetValue<bool>());
            Assert.Equal(0, created["sensorCount"]!.GetValue<int>());
            Assert.Equal("Europe/Oslo", created["location"]!["timeLocation"]!.GetValue<string>());
            Assert.Empty(created["labels"]!.AsObject());

            var renamed = await admin.OkAsync("PATCH", "/" + name, new JsonObject { ["displayName"] = "Oslo HQ" });
            Assert.Equal("Oslo HQ", renamed["displayName"]!.GetValue<string>());
            Assert.Equal(59.91, renamed["location"]!["latitude"]!.GetValue<double>());
            // With update_mask only the named fields change (SW's way).
            var masked = await admin.OkAsync("PATCH", "/" + name + "?update_mask=location", new JsonObject { ["displayName"] = "ignored", ["location"] = new JsonObject { ["latitude"] = null, ["longitude"] = null } });
            Assert.Equal("Oslo HQ", masked["displayName"]!.GetValue<string>());
            Assert.Null(masked["location"]!["latitude"]);
            Assert.Equal("Oslo HQ", (await admin.OkAsync("GET", "/" + name))["displayName"]!.GetValue<string>());
        }

        [Theory]
        [InlineData("{\"organization\":\"organizations/ORG\"}", "displayName is required")]
        [InlineData("{\"organization\":\"organizations/ORG\",\"displayName\":5}", "'displayName' must be a string")]
        [InlineData("{\"organization\":5,\"displayName\":\"x\"}", "'organization' must be a string")]
        [InlineData("{\"organization\":\"organizations/ORG\",\"displayName\":\"x\",\"location\":{\"latitude\":\"north\"}}", "'location.latitude' must be a number")]
        [InlineData("{\"organization\":\"organizations/ORG\",\"displayName\":\"x\",\"location\":{\"timeLocation\":\"not a zone\"}}", "not an IANA time zone")]
        public async Task A_bad_create_is_400_with_a_DT_error_body(string json, string message)
        {
            await using var api = await RawApi.StartAsync();
            var admin = await api.AdminAsync();
            var answer = await admin.SendRawAsync("POST", "/projects", json.Replace("ORG", api.OrganizationId));
            Assert.Contains(message, answer.DtError(400));
        }

        [Fact]
        public async Task Creating_in_another_organization_is_404()
        {
            await using var api = await RawApi.StartAsync();
            var admin = await api.AdminAsync();
            (await admin.SendAsync("POST", "/projects", new JsonObject { ["organization"] = "organizations/c0nosuchorgxxxxxxxxx", ["displayName"] = "x" })).DtError(404);
        }

        [Fact]
        public async Task Delete_is_refused_while_devices_or_service_accounts_remain_and_always_for_the_inventory()
        {
            await using var api = await RawApi.StartAsync();
            var admin = await api.AdminAsync();
            Assert.Contains("inventory", (await admin.SendAsync("DELETE", $"/projects/{api.Inventory}")).DtError(400));
            Assert.Contains("device", (await admin.SendAsync("DELETE", $"/projects/{api.Server.ProjectIds[1]}")).DtError(400));

            var project = await api.NewProjectAsync(admin);
            var robot = await api.NewServiceAccountAsync(admin, project);
            await admin.OkAsync("POST", $"/projects/{project}/members", new JsonObject { ["email"] = "Someone@Example.com", ["roles"] = new JsonArray("roles/project.user") });
            Assert.Contains("service account", (await admin.SendAsync("DELETE", $"/projects/{project}")).DtError(400));
            await admin.OkAsync("DELETE", $"/projects/{project}/serviceaccounts/{robot.Id}");
            var device = await admin.OkAsync("POST", $"/projects/{project}/devices", new JsonObject { ["type"] = "temperature" });
            Assert.Contains("device", (await admin.SendAsync("DELETE", $"/projects/{project}")).DtError(400));
            await admin.OkAsync("DELETE", "/" + device["name"]!.GetValue<string>());

            var deleted = await admin.OkAsync("DELETE", $"/projects/{project}");
            Assert.Empty(deleted.AsObject());
            (await admin.SendAsync("GET", $"/projects/{project}")).DtError(404);
            (await admin.SendAsync("GET", $"/projects/{project}/members")).DtError(404);
        }

        [Fact]
        public async Task Project_labels_are_set_and_removed_in_batches_with_per_project_errors()
        {
            await using var api = await RawApi.StartAsync();
            var admin = await api.AdminAsync();
            var a = await api.NewProjectAsync(admin, "A");
            var b = await api.NewProjectAsync(admin, "B");
            var robot = await api.NewServiceAccountAsync(admin, a);
            await admin.OkAsync("POST", $"/projects/{a}/members", new JsonObject { ["email"] = robot.Email, ["roles"] = new JsonArray("roles/project.developer") });

            var set = await admin.OkAsync("POST", "/projects:batchUpdate", new JsonObject { ["projects"] = new JsonArray($"projects/{a}", $"projects/{b}"), ["addLabels"] = new JsonObject { ["site"] = "oslo", ["tier"] = "1" } });
            Assert.Empty(set["batchErrors"]!.AsArray());
            Assert.Equal("oslo", (await admin.OkAsync("GET", $"/projects/{b}"))["labels"]!["site"]!.GetValue<string>());
            await admin.OkAsync("POST", "/projects:batchUpdate", new JsonObject { ["projects"] = new JsonArray($"projects/{a}"), ["removeLabels"] = new JsonArray("tier") });
            Assert.Equal("{\"site\":\"oslo\"}", (await admin.OkAsync("GET", $"/projects/{a}"))["labels"]!.ToJsonString());

            // A developer may not change project settings; a project it cannot see is NOT_FOUND.
            var denied = await robot.Caller.OkAsync("POST", "/projects:batchUpdate", new JsonObject { ["projects"] = new JsonArray($"projects/{a}", $"projects/{b}", "nonsense"), ["addLabels"] = new JsonObject { ["x"] = "y" } });
            var codes = denied["batchErrors"]!.AsArray().Select(e => e!["project"]!.GetValue<string>() + "=" + e["status"]!["code"]!.GetValue<string>()).ToList();
            Assert.Equal(new[] { $"projects/{a}=PERMISSION_DENIED", $"projects/{b}=NOT_FOUND", "nonsense=INVALID_ARGUMENT" }, codes);
            Assert.Null((await admin.OkAsync("GET", $"/projects/{a}"))["labels"]!["x"]);
            Assert.Contains("addLabels", (await admin.SendRawAsync("POST", "/projects:batchUpdate", "{\"projects\":[\"projects/" + a + "\"],\"addLabels\":{\"k\":5}}")).DtError(400));
        }
    }
}
