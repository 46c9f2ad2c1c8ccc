using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace IotAdmin.Tests.EmulatorApi
{
    /// <summary>Members of projects and of the organization, invite URLs and the batches (dt-api-admin.md §2), over raw HTTP.</summary>
    public class MemberTests
    {
        [Fact]
        public async Task An_unknown_email_is_a_pending_user_with_an_invite_url_and_a_lowercased_email()
        {
            await using var api = await RawApi.StartAsync();
            var admin = await api.AdminAsync();
            var project = api.Server.ProjectIds[1];
            var added = await admin.OkAsync("POST", $"/projects/{project}/members", RawApi.Member("New.Person@Example.COM", "project.developer"));
            Assert.Equal("new.person@example.com", added["email"]!.GetValue<string>());
            Assert.Equal("PENDING", added["status"]!.GetValue<string>());
            Assert.Equal("USER", added["accountType"]!.GetValue<string>());
            Assert.Equal("roles/project.developer", Assert.Single(added["roles"]!.AsArray())!.GetValue<string>());
            Assert.True(added.AsObject().ContainsKey("createTime"));
            Assert.Null(added["createTime"]); // null in the answer to the create, as DT's
            Assert.True(added.AsObject().ContainsKey("displayName"));
            var name = added["name"]!.GetValue<string>();
            Assert.Matches($"^projects/{project}/members/[0-9]+$", name);

            var read = await admin.OkAsync("GET", "/" + name);
            Assert.Matches("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z$", read["createTime"]!.GetValue<string>());
            var url = await admin.OkAsync("GET", "/" + name + ":getInviteUrl");
            Assert.StartsWith("https://", url["inviteUrl"]!.GetValue<string>());
            Assert.Contains(name, (await admin.ListAsync($"/projects/{project}/members", "members")).Select(m => m!["name"]!.GetValue<string>()));

            Assert.Contains("already", (await admin.SendAsync("POST", $"/projects/{project}/members", RawApi.Member("new.person@example.com", "project.user"))).DtError(409));
        }

        [Fact]
        public async Task A_service_account_or_a_known_user_is_accepted_at_once_and_has_no_invite_url()
        {
            await using var api = await RawApi.StartAsync();
            var admin = await api.AdminAsync();
            var project = api.Server.ProjectIds[1];
            var robot = await api.NewServiceAccountAsync(admin, project, "Robot One");
            var sa = await admin.OkAsync("POST", $"/projects/{project}/members", RawApi.Member(robot.Email, "project.user"));
            Assert.Equal($"projects/{project}/members/{robot.Id}", sa["name"]!.GetValue<string>());
            Assert.Equal("ACCEPTED", sa["status"]!.GetValue<string>());
            Assert.Equal("SERVICE_ACCOUNT", sa["accountType"]!.GetValue<string>());
            Assert.Equal("Robot One", sa["displayName"]!.GetValue<string>());
            Assert.Contains("PENDING", (await admin.SendAsync("GET", $"/projects/{project}/members/{robot.Id}:getInviteUrl")).DtError(400));

            var owner = await admin.OkAsync("POST", $"/projects/{project}/members", RawApi.Member("owner@emulated-organization.example", "project.admin"));
            Assert.Equal("ACCEPTED", owner["status"]!.GetValue<string>());
            Assert.Contains("USER", (await admin.SendAsync("GET", "/" + owner["name"]!.GetValue<string>() + ":getInviteUrl")).DtError(400));
        }

        [Theory]
        [InlineData("project.user,project.admin", "exactly one role")]
        [InlineData("", "exactly one role")]
        [InlineData("organization.admin", "not a role of a project")]
        [InlineData("project.owner", "not a role of a project")]
        public async Task A_project_member_has_exactly_one_project_role(string roles, string message)
        {
            await using var api = await RawApi.StartAsync();
            var admin = await api.AdminAsync();
            var list = roles.Length == 0 ? new string[0] : roles.Split(',');
            Assert.Contains(message, (await admin.SendAsync("POST", $"/projects/{api.Inventory}/members", RawApi.Member("a@example.com", list))).DtError(400));
        }

        [Theory]
        [InlineData("{\"roles\":[\"roles/project.user\"]}", "email")]
        [InlineData("{\"roles\":[\"roles/project.user\"],\"email\":\"no-at-sign\"}", "email")]
        [InlineData("{\"roles\":[\"roles/project.user\"],\"email\":5}", "'email' must be a string")]
        [InlineData("{\"roles\":\"roles/project.user\",\"email\":\"a@example.com\"}", "'roles' must be an array")]
        public async Task A_bad_invitation_is_400(string json, string message)
        {
            await using var api = await RawApi.StartAsync();
            var admin = await api.AdminAsync();
            Assert.Contains(message, (await admin.SendRawAsync("POST", $"/projects/{api.Inventory}/members", json)).DtError(400));
        }

        [Fact]
        public async Task A_member_role_is_changed_and_the_member_removed()
        {
            await using var api = await RawApi.StartAsync();
            var admin = await api.AdminAsync();
            var project = api.Server.ProjectIds[1];
            var name = (await admin.OkAsync("POST", $"/projects/{project}/members", RawApi.Member("b@example.com", "project.user")))["name"]!.GetValue<string>();
            var changed = await admin.OkAsync("PATCH", "/" + name, RawApi.Member("ignored@example.com", "project.admin"));
            Assert.Equal("roles/project.admin", Assert.Single(changed["roles"]!.AsArray())!.GetValue<string>());
            Assert.Equal("b@example.com", changed["email"]!.GetValue<string>());
            // SW's form: displayName and status alongside, update_mask=roles.
            var sw = await admin.OkAsync("PATCH", "/" + name + "?update_mask=roles", new JsonObject { ["displayName"] = "", ["roles"] = new JsonArray("roles/project.developer"), ["status"] = "PENDING" });
            Assert.Equal("roles/project.developer", sw["roles"]![0]!.GetValue<string>());
            Assert.Contains("exactly one role", (await admin.SendAsync("PATCH", "/" + name, new JsonObject { ["roles"] = new JsonArray() })).DtError(400));

            Assert.Empty((await admin.OkAsync("DELETE", "/" + name)).AsObject());
            (await admin.SendAsync("GET", "/" + name)).DtError(404);
            (await admin.SendAsync("DELETE", "/" + name)).DtError(404);
        }

        [Fact]
        public async Task Organization_members_take_only_the_organization_admin_role()
        {
            await using var api = await RawApi.StartAsync();
            var admin = await api.AdminAsync();
            var org = $"/organizations/{api.OrganizationId}/members";
            Assert.Contains("organization.admin", (await admin.SendAsync("POST", org, RawApi.Member("c@example.com", "project.admin"))).DtError(400));
            var added = await admin.OkAsync("POST", org, RawApi.Member("C@example.com", "organization.admin"));
            Assert.Matches($"^organizations/{api.OrganizationId}/members/[0-9]+$", added["name"]!.GetValue<string>());
            Assert.Null(added["createTime"]);
            Assert.Equal(3, (await admin.ListAsync(org, "members")).Count); // the seeded account, the owner and c@
            await admin.OkAsync("GET", "/" + added["name"]!.GetValue<string>() + ":getInviteUrl");
            await admin.OkAsync("DELETE", "/" + added["name"]!.GetValue<string>());
            Assert.Equal(2, (await admin.ListAsync(org, "members")).Count);
        }

        [Fact]
        public async Task Batch_create_adds_members_to_many_projects_and_batch_delete_removes_them_all_or_nothing()
        {
            await using var api = await RawApi.StartAsync();
            var admin = await api.AdminAsync();
            var (p1, p2) = (api.Server.ProjectIds[1], api.Server.ProjectIds[2]);
            var robot = await api.NewServiceAccountAsync(admin, p1);
            JsonObject Item(string p, string email, string role) => new() { ["project"] = "projects/" + p, ["email"] = email, ["roles"] = new JsonArray("roles/" + role) };

            var created = await admin.OkAsync("POST", "/projects/-/members:batchCreate", new JsonObject
            {
                ["members"] = new JsonArray(Item(p1, robot.Email, "project.developer"), Item(p2, robot.Email, "project.user"), Item(p2, "Ops@Example.com", "project.admin")),
            });
            var members = created["members"]!.AsArray();
            Assert.Equal(new[] { $"projects/{p1}/members/{robot.Id}", $"projects/{p2}/members/{robot.Id}" }, members.Take(2).Select(m => m!["name"]!.GetValue<string>()));
            Assert.Equal("ops@example.com", members[2]!["email"]!.GetValue<string>());
            Assert.All(members, m => Assert.Null(m!["createTime"]));
            Assert.Equal(2, (await robot.Caller.ListAsync("/projects", "projects")).Count);

            // The memberships of one member across projects (TF's first call sends an empty pageToken).
            var across = await admin.OkAsync("GET", $"/projects/-/members?organization=organizations/{api.OrganizationId}&memberId={robot.Id}&pageSize=100&pageToken=");
            Assert.Equal(new[] { "roles/project.developer", "roles/project.user" }, across["members"]!.AsArray().Select(m => m!["roles"]![0]!.GetValue<string>()).OrderBy(r => r));
            Assert.Equal("", across["nextPageToken"]!.GetValue<string>());
            (await admin.SendAsync("GET", $"/projects/-/members?memberId={robot.Id}")).DtError(400);

            // One existing member fails the whole batch; nothing is added.
            var again = await admin.SendAsync("POST", "/projects/-/members:batchCreate", new JsonObject { ["members"] = new JsonArray(Item(p1, "new@example.com", "project.user"), Item(p2, robot.Email, "project.user")) });
            again.DtError(409);
            Assert.DoesNotContain("new@example.com", (await admin.ListAsync($"/projects/{p1}/members", "members")).Select(m => m!["email"]!.GetValue<string>()));
            Assert.Contains("repeats", (await admin.SendAsync("POST", "/projects/-/members:batchCreate", new JsonObject { ["members"] = new JsonArray(Item(p1, "x@example.com", "project.user"), Item(p1, "X@example.com", "project.admin")) })).DtError(400));
            Assert.Contains("members[0].project", (await admin.SendAsync("POST", "/projects/-/members:batchCreate", new JsonObject { ["members"] = new JsonArray(new JsonObject { ["project"] = "p1", ["email"] = "x@example.com", ["roles"] = new JsonArray("roles/project.user") }) })).DtError(400));

            // batchDelete: an unknown name fails it all; then all go.
            var names = members.Take(2).Select(m => (JsonNode?)m!["name"]!.GetValue<string>()).ToList();
            (await admin.SendAsync("POST", "/projects/-/members:batchDelete", new JsonObject { ["names"] = new JsonArray(names.Append($"projects/{p1}/members/99999").Select(n => n?.DeepClone()).ToArray()) })).DtError(404);
            Assert.Equal(2, (await robot.Caller.ListAsync("/projects", "projects")).Count);
            Assert.Empty((await admin.OkAsync("POST", "/projects/-/members:batchDelete", new JsonObject { ["names"] = new JsonArray(names.Select(n => n?.DeepClone()).ToArray()) })).AsObject());
            Assert.Empty(await robot.Caller.ListAsync("/projects", "projects"));
        }

        [Fact]
        public async Task Batches_are_authorized_per_project()
        {
            await using var api = await RawApi.StartAsync();
            var admin = await api.AdminAsync();
            var (p1, p2) = (api.Server.ProjectIds[1], api.Server.ProjectIds[2]);
            var robot = await api.NewServiceAccountAsync(admin, p1);
            await admin.OkAsync("POST", $"/projects/{p1}/members", RawApi.Member(robot.Email, "project.admin"));
            await admin.OkAsync("POST", $"/projects/{p2}/members", RawApi.Member(robot.Email, "project.developer"));
            JsonObject Item(string p) => new() { ["project"] = "projects/" + p, ["email"] = "z@example.com", ["roles"] = new JsonArray("roles/project.user") };
            await robot.Caller.OkAsync("POST", "/projects/-/members:batchCreate", new JsonObject { ["members"] = new JsonArray(Item(p1)) });
            Assert.Contains("membership.create", (await robot.Caller.SendAsync("POST", "/projects/-/members:batchCreate", new JsonObject { ["members"] = new JsonArray(Item(p2)) })).DtError(403));
            Assert.Contains("not found", (await robot.Caller.SendAsync("POST", "/projects/-/members:batchCreate", new JsonObject { ["members"] = new JsonArray(Item(api.Inventory)) })).DtError(404));
            // Across projects, a developer reads the members of both projects it belongs to.
            var across = await robot.Caller.ListAsync($"/projects/-/members?organization=organizations/{api.OrganizationId}&memberId={robot.Id}", "members");
            Assert.Equal(2, across.Count);
        }
    }
}
