using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace IotAdmin.Tests.EmulatorApi
{
    /// <summary>Service accounts and their keys (dt-api-admin.md §4), over raw HTTP.</summary>
    public class ServiceAccountTests
    {
        [Fact]
        public async Task A_service_account_is_created_read_updated_listed_and_deleted()
        {
            await using var api = await RawApi.StartAsync();
            var admin = await api.AdminAsync();
            var project = api.Server.ProjectIds[1];
            var created = await admin.OkAsync("POST", $"/projects/{project}/serviceaccounts", new JsonObject { ["displayName"] = "ingest", ["enableBasicAuth"] = false });
            var name = created["name"]!.GetValue<string>();
            var id = name.Split('/').Last();
            Assert.Matches($"^projects/{project}/serviceaccounts/c[0-9a-v]{{19}}$", name);
            Assert.Equal($"{id}@{project}.serviceaccount.d21s.com", created["email"]!.GetValue<string>());
            Assert.Equal("ingest", created["displayName"]!.GetValue<string>());
            Assert.False(created["enableBasicAuth"]!.GetValue<bool>());
            Assert.Matches("Z$", created["createTime"]!.GetValue<string>());
            Assert.Matches("Z$", created["updateTime"]!.GetValue<string>());

            // PY omits an empty displayName: the body may hold enableBasicAuth only.
            var unnamed = await admin.OkAsync("POST", $"/projects/{project}/serviceaccounts", new JsonObject { ["enableBasicAuth"] = true });
            Assert.Equal("", unnamed["displayName"]!.GetValue<string>());
            Assert.True(unnamed["enableBasicAuth"]!.GetValue<bool>());

            var updated = await admin.OkAsync("PATCH", "/" + name, new JsonObject { ["displayName"] = "ingest-2" });
            Assert.Equal("ingest-2", updated["displayName"]!.GetValue<string>());
            Assert.False(updated["enableBasicAuth"]!.GetValue<bool>());
            var masked = await admin.OkAsync("PATCH", "/" + name + "?update_mask=enableBasicAuth", new JsonObject { ["displayName"] = "ignored", ["enableBasicAuth"] = true });
            Assert.Equal("ingest-2", masked["displayName"]!.GetValue<string>());
            Assert.True(masked["enableBasicAuth"]!.GetValue<bool>());
            Assert.Equal("ingest-2", (await admin.OkAsync("GET", "/" + name))["displayName"]!.GetValue<string>());
            Assert.Equal(2, (await admin.ListAsync($"/projects/{project}/serviceaccounts", "serviceAccounts")).Count);
            // The seeded account lives in the inventory project.
            Assert.Contains(api.Server.Credentials.Email, (await admin.ListAsync($"/projects/{api.Inventory}/serviceaccounts", "serviceAccounts")).Select(a => a!["email"]!.GetValue<string>()));

            Assert.Empty((await admin.OkAsync("DELETE", "/" + name)).AsObject());
            (await admin.SendAsync("GET", "/" + name)).DtError(404);
            (await admin.SendAsync("GET", $"/projects/{api.Server.ProjectIds[2]}/serviceaccounts/{unnamed["name"]!.GetValue<string>().Split('/').Last()}")).DtError(404);
        }

        [Theory]
        [InlineData("{\"displayName\":5}", "'displayName' must be a string")]
        [InlineData("{\"enableBasicAuth\":\"yes\"}", "'enableBasicAuth' must be true or false")]
        public async Task A_body_of_the_wrong_type_is_400(string json, string message)
        {
            await using var api = await RawApi.StartAsync();
            var admin = await api.AdminAsync();
            Assert.Contains(message, (await admin.SendRawAsync("POST", $"/projects/{api.Inventory}/serviceaccounts", json)).DtError(400));
        }

        [Fact]
        public async Task A_key_secret_is_shown_once_and_a_key_gets_a_token_until_deleted()
        {
            await using var api = await RawApi.StartAsync();
            var admin = await api.AdminAsync();
            var robot = await api.NewServiceAccountAsync(admin, api.Inventory);
            var path = $"/projects/{api.Inventory}/serviceaccounts/{robot.Id}/keys";
            var created = await admin.OkAsync("POST", path);
            Assert.Equal(new[] { "key", "secret" }, created.AsObject().Select(p => p.Key).OrderBy(k => k));
            Assert.Matches("^[0-9a-f]{32}$", created["secret"]!.GetValue<string>());
            var key = created["key"]!;
            var keyId = key["id"]!.GetValue<string>();
            Assert.Equal($"projects/{api.Inventory}/serviceaccounts/{robot.Id}/keys/{keyId}", key["name"]!.GetValue<string>());
            Assert.Equal(new[] { "createTime", "id", "name" }, key.AsObject().Select(p => p.Key).OrderBy(k => k));

            var listed = await admin.ListAsync(path, "keys");
            Assert.Equal(2, listed.Count);
            Assert.All(listed, k => Assert.DoesNotContain("secret", k!.ToJsonString()));
            var read = await admin.OkAsync("GET", $"{path}/{keyId}");
            Assert.Equal(new[] { "createTime", "id", "name" }, read.AsObject().Select(p => p.Key).OrderBy(k => k));

            await api.TokenAsync(keyId, created["secret"]!.GetValue<string>(), robot.Email);
            Assert.Empty((await admin.OkAsync("DELETE", $"{path}/{keyId}")).AsObject());
            (await admin.SendAsync("GET", $"{path}/{keyId}")).DtError(404);
            var (status, body) = await api.GrantAsync(keyId, created["secret"]!.GetValue<string>(), robot.Email);
            Assert.Equal(400, (int)status);
            Assert.Contains("unknown key id", body["error_description"]!.GetValue<string>());
            // The right key with another account's e-mail is refused.
            (status, body) = await api.GrantAsync(robot.KeyId, robot.Secret, api.Server.Credentials.Email);
            Assert.Contains("iss", body["error_description"]!.GetValue<string>());
        }

        [Fact]
        public async Task A_service_account_holds_at_most_ten_keys()
        {
            await using var api = await RawApi.StartAsync();
            var admin = await api.AdminAsync();
            var robot = await api.NewServiceAccountAsync(admin, api.Inventory); // its first key
            var path = $"/projects/{api.Inventory}/serviceaccounts/{robot.Id}/keys";
            for (var i = 2; i <= 10; i++) await admin.OkAsync("POST", path);
            Assert.Contains("at most 10 keys", (await admin.SendAsync("POST", path)).DtError(400));
            Assert.Equal(10, (await admin.ListAsync(path, "keys")).Count);
            await admin.OkAsync("DELETE", $"{path}/{robot.KeyId}");
            await admin.OkAsync("POST", path);
        }

        [Fact]
        public async Task A_deleted_service_account_leaves_no_memberships()
        {
            await using var api = await RawApi.StartAsync();
            var admin = await api.AdminAsync();
            var project = api.Server.ProjectIds[1];
            var robot = await api.NewServiceAccountAsync(admin, project);
            await admin.OkAsync("POST", $"/projects/{project}/members", new JsonObject { ["email"] = robot.Email, ["roles"] = new JsonArray("roles/project.user") });
            await admin.OkAsync("DELETE", $"/projects/{project}/serviceaccounts/{robot.Id}");
            (await admin.SendAsync("GET", $"/projects/{project}/members/{robot.Id}")).DtError(404);
        }
    }
}
