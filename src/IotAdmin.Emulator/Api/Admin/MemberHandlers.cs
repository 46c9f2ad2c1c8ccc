using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using IotAdmin.Emulator.Access;
using IotAdmin.Emulator.Store;

namespace IotAdmin.Emulator.Api.Admin;

/// <summary>
/// Members of a project (/projects/{p}/members…) or of the organization (/organizations/{o}/members…), the
/// cross-project listing and the batches (dt-api-admin.md §2). The path has the same shape in both scopes:
/// [projects|organizations, id, members, member]. Authorization has run already (<see cref="Authorization"/>).
/// </summary>
internal static class MemberHandlers
{
    private const string InviteSuffix = ":getInviteUrl";

    public static JsonNode List(RequestContext r)
    {
        var scope = Scope(r);
        return r.Page("members", () => r.Store.Read(v => v.MembersOf(scope).OrderBy(m => m.CreateTime).ThenBy(m => m.Id, StringComparer.Ordinal).Select(m => m.Id).ToList()), id => r.Store.Read(v => v.Member(scope, id)?.ToJson()));
    }

    public static JsonNode Get(RequestContext r)
    {
        var scope = Scope(r);
        var id = r.Segments[3];
        return r.Store.Read(v => Find(v, scope, id).ToJson());
    }

    /// <summary>Invite (add) one member: {"roles":["roles/…"],"email":…}; 409 when that e-mail is a member already.</summary>
    public static JsonNode Add(RequestContext r)
    {
        var scope = Scope(r);
        var (email, role) = Invitation(r.BodyObject(), OrganizationScope(r), "");
        return r.Store.Read(v => Create(v, scope, email, role).ToJson(justCreated: true));
    }

    /// <summary>PATCH {"roles":[…]} (SW adds displayName and status with update_mask=roles; only roles can change).</summary>
    public static JsonNode Update(RequestContext r)
    {
        var scope = Scope(r);
        var id = r.Segments[3];
        var body = r.BodyObject();
        var role = r.Sets(body, "roles") ? OneRole(body, OrganizationScope(r), "roles") : null;
        return r.Store.Read(v =>
        {
            var member = Find(v, scope, id);
            if (role != null) member.Role = role.Name;
            return member.ToJson();
        });
    }

    public static JsonNode Remove(RequestContext r)
    {
        var scope = Scope(r);
        var id = r.Segments[3];
        return r.Store.Read<JsonNode>(v =>
        {
            v.Access.Members.Remove(Find(v, scope, id));
            return new JsonObject();
        });
    }

    /// <summary>GET …/members/{m}:getInviteUrl: only for a user who has not accepted yet (400 otherwise).</summary>
    public static JsonNode InviteUrl(RequestContext r)
    {
        var scope = Scope(r);
        var id = r.Segments[3][..^InviteSuffix.Length];
        return r.Store.Read<JsonNode>(v =>
        {
            var member = Find(v, scope, id);
            if (member.Status != "PENDING" || member.IsServiceAccount)
                throw new ApiError(400, $"member '{id}' has no invite URL: only a PENDING user has one (this one is {member.Status}, {member.AccountType})", "FAILED_PRECONDITION");
            var token = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(member.Name + "|" + member.Email)))[..32].ToLowerInvariant();
            return new JsonObject { ["inviteUrl"] = "https://studio.disruptive-technologies.com/invite/" + token };
        });
    }

    /// <summary>GET /projects/-/members?organization=organizations/{o}&amp;memberId={m}: one member's roles across the projects the caller may read members of.</summary>
    public static JsonNode ListAcrossProjects(RequestContext r)
    {
        var organization = r.Query["organization"].ToString();
        if (organization.Length == 0) throw ApiError.BadRequest("listing members of project '-' needs the organization parameter", "organization");
        if (organization.StartsWith("organizations/", StringComparison.Ordinal)) organization = organization["organizations/".Length..];
        var memberId = r.Query["memberId"].ToString();
        var caller = r.Caller;
        List<string> Names() => r.Store.Read(v =>
        {
            if (organization != v.Organization.Id || !v.SeesOrganization(caller)) throw ApiError.NotFound($"organization '{organization}' not found");
            var self = v;
            return v.Projects.Where(p => self.MayInProject(caller, p, "membership.read"))
                .SelectMany(p => self.MembersOf(p.Name).Where(m => memberId.Length == 0 || m.Id == memberId))
                .Select(m => m.Name).ToList();
        });
        return r.Page("members", Names, name => r.Store.Read(v => v.Access.Members.FirstOrDefault(m => m.Name == name)?.ToJson()));
    }

    /// <summary>POST /projects/-/members:batchCreate {"members":[{"project","email","roles"}]}: all or nothing, checked first.</summary>
    public static JsonNode BatchCreate(RequestContext r)
    {
        var items = r.BodyObject()["members"] as JsonArray ?? throw ApiError.BadRequest("'members' must be an array of {project, email, roles}", "members");
        if (items.Count == 0) throw ApiError.BadRequest("members must not be empty", "members");
        if (items.Count > 1000) throw ApiError.BadRequest($"too many members: {items.Count}; at most 1000 per call", "members");
        var wanted = new List<(string ProjectId, string Email, RoleDefinition Role)>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i] as JsonObject ?? throw ApiError.BadRequest($"members[{i}] must be an object", "members");
            var project = item.OptionalString("project", $"members[{i}].project") ?? string.Empty;
            var id = project.StartsWith("projects/", StringComparison.Ordinal) ? project["projects/".Length..] : string.Empty;
            if (!Ids.IsWellFormed(id)) throw ApiError.BadRequest($"members[{i}].project must be a name 'projects/{{project}}', not '{project}'", "members.project");
            var (email, role) = Invitation(item, organizationScope: false, $"members[{i}].");
            if (wanted.Any(w => w.ProjectId == id && w.Email == email)) throw ApiError.BadRequest($"members[{i}] repeats {email} in {project}", "members");
            wanted.Add((id, email, role));
        }

        return r.Store.Read<JsonNode>(v =>
        {
            foreach (var w in wanted)
            {
                var project = Authorization.RequireProject(v, r.Caller, w.ProjectId, "membership.create");
                if (v.MembersOf(project.Name).Any(m => m.Email == w.Email)) throw new ApiError(409, $"{w.Email} is already a member of projects/{w.ProjectId} (already exists)", "ALREADY_EXISTS");
            }

            var created = new JsonArray();
            foreach (var w in wanted) created.Add(Create(v, "projects/" + w.ProjectId, w.Email, w.Role).ToJson(justCreated: true));
            return new JsonObject { ["members"] = created };
        });
    }

    /// <summary>POST /projects/-/members:batchDelete {"names":["projects/{p}/members/{m}"]}: all or nothing, checked first.</summary>
    public static JsonNode BatchDelete(RequestContext r)
    {
        var names = r.BodyObject().Strings("names");
        if (names.Count == 0) throw ApiError.BadRequest("names must not be empty", "names");
        return r.Store.Read<JsonNode>(v =>
        {
            var doomed = new List<MemberRecord>();
            foreach (var name in names)
            {
                var parts = name.Split('/');
                if (parts is not ["projects", var p, "members", var m] || !Ids.IsWellFormed(p)) throw ApiError.BadRequest($"'{name}' is not a name 'projects/{{project}}/members/{{member}}'", "names");
                Authorization.RequireProject(v, r.Caller, p, "membership.delete");
                doomed.Add(Find(v, "projects/" + p, m));
            }

            foreach (var member in doomed) v.Access.Members.Remove(member);
            return new JsonObject();
        });
    }

    /// <summary>
    /// A new member: a service account's e-mail makes a SERVICE_ACCOUNT member, a known user's an ACCEPTED one,
    /// any other e-mail a PENDING user (DT sends an invitation).
    /// </summary>
    private static MemberRecord Create(FleetStore.StoreView v, string scope, string email, RoleDefinition role)
    {
        if (v.MembersOf(scope).Any(m => m.Email == email)) throw new ApiError(409, $"{email} is already a member of {scope} (already exists)", "ALREADY_EXISTS");
        var account = v.Access.ServiceAccounts.Values.FirstOrDefault(a => string.Equals(a.Email, email, StringComparison.OrdinalIgnoreCase));
        var known = account == null && v.Access.AcceptedUsers.Contains(email);
        var member = new MemberRecord
        {
            Scope = scope,
            Id = account?.Id ?? v.Access.UserId(email),
            Email = email,
            DisplayName = account?.DisplayName ?? (known ? v.Access.Members.First(m => m.Email == email).DisplayName : string.Empty),
            Role = role.Name,
            Status = account != null || known ? "ACCEPTED" : "PENDING",
            AccountType = account != null ? "SERVICE_ACCOUNT" : "USER",
            CreateTime = v.Now,
        };
        v.Access.Members.Add(member);
        return member;
    }

    /// <summary>The e-mail (lowercased, as DT answers) and the one role of an invitation.</summary>
    private static (string Email, RoleDefinition Role) Invitation(JsonObject body, bool organizationScope, string prefix)
    {
        var email = body.OptionalString("email", prefix + "email")?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(email) || email.IndexOf('@') is var at && (at < 1 || at == email.Length - 1) || email.Any(char.IsWhiteSpace))
            throw ApiError.BadRequest($"{prefix}email must be an e-mail address", prefix + "email");
        return (email, OneRole(body, organizationScope, prefix + "roles"));
    }

    /// <summary>Exactly one role, of the member's scope (DT: "Currently, only one role is allowed").</summary>
    private static RoleDefinition OneRole(JsonObject body, bool organizationScope, string field)
    {
        var roles = body.Strings("roles");
        if (roles.Count != 1) throw ApiError.BadRequest($"{field} must hold exactly one role, not {roles.Count}", field);
        return Roles.FromResourceName(roles[0], organizationScope)
            ?? throw ApiError.BadRequest($"'{roles[0]}' is not a role of {(organizationScope ? "an organization (roles/organization.admin)" : "a project (roles/project.user, roles/project.developer, roles/project.admin)")}", field);
    }

    private static MemberRecord Find(FleetStore.StoreView v, string scope, string id) =>
        v.Member(scope, id) ?? throw ApiError.NotFound($"member '{id}' not found in {scope}");

    private static bool OrganizationScope(RequestContext r) => r.Segments[0] == "organizations";

    /// <summary>"projects/{p}" (checked: a malformed id 400, an unknown one 404) or "organizations/{o}" (checked by Authorization).</summary>
    private static string Scope(RequestContext r)
    {
        if (OrganizationScope(r)) return "organizations/" + r.Segments[1];
        var id = ProjectHandlers.ProjectId(r);
        return r.Store.Read(v => v.Project(id)) != null ? "projects/" + id : throw ProjectHandlers.ProjectNotFound(id);
    }
}
