using IotAdmin.Emulator.Access;

namespace IotAdmin.Emulator.Store;

/// <summary>The access-control part of the store (issue 15): service accounts, keys, members, and who may do what.</summary>
internal sealed partial class FleetStore
{
    private AccessState _access = null!;

    internal readonly partial struct StoreView
    {
        public AccessState Access => _s._access;

        public DateTimeOffset Now => _s.Now;

        public Random Random => _s._random;

        public ServiceAccountRecord? ServiceAccount(string id) => _s._access.ServiceAccounts.GetValueOrDefault(id);

        /// <summary>The key behind a key id (JWT kid or Basic auth user name), with what authentication needs.</summary>
        public KeyGrant? KeyGrant(string keyId)
        {
            foreach (var account in _s._access.ServiceAccounts.Values)
            {
                var key = account.Keys.FirstOrDefault(k => k.Id == keyId);
                if (key != null) return new KeyGrant(account.Id, account.Email, key.Secret, account.EnableBasicAuth);
            }

            return null;
        }

        /// <summary>The caller's role in the organization (only organization.admin exists), or null.</summary>
        public RoleDefinition? OrganizationRole(Caller caller) => RoleOf(caller, _s.Organization.Name);

        /// <summary>
        /// The caller's effective role in a project: an organization admin is an admin of every project; otherwise its
        /// project membership; null when the caller cannot see the project at all.
        /// </summary>
        public RoleDefinition? ProjectRole(Caller caller, ProjectRecord project) =>
            project.Organization.Id == _s.Organization.Id && OrganizationRole(caller) is { } admin ? admin : RoleOf(caller, project.Name);

        public bool MayInProject(Caller caller, ProjectRecord project, string permission) =>
            ProjectRole(caller, project)?.ProjectPermissions.Contains(permission) == true;

        /// <summary>The organization is visible to its admins and to members of any of its projects.</summary>
        public bool SeesOrganization(Caller caller)
        {
            if (OrganizationRole(caller) != null) return true;
            var self = this;
            return self.Projects.Any(p => self.ProjectRole(caller, p) != null);
        }

        /// <summary>The caller's own permissions at the organization (GET /organizations/{o}/permissions).</summary>
        public IReadOnlyList<string> OrganizationPermissions(Caller caller) => OrganizationRole(caller) != null ? Roles.OrganizationScopePermissions : Array.Empty<string>();

        public IEnumerable<MemberRecord> MembersOf(string scope) => _s._access.Members.Where(m => m.Scope == scope);

        public MemberRecord? Member(string scope, string memberId) => _s._access.Members.FirstOrDefault(m => m.Scope == scope && m.Id == memberId);

        /// <summary>Why a project cannot be deleted now, or null (dt-api-admin.md §1: devices, data connectors, service accounts).</summary>
        public string? DeletionBlocker(ProjectRecord project)
        {
            var id = project.Id;
            if (project.Inventory) return "the inventory project cannot be deleted";
            var devices = _s._devices.Values.Count(d => d.ProjectId == id);
            if (devices > 0) return $"the project still has {devices} device(s); move or delete them first";
            var connectors = DataConnectorCount(id);
            if (connectors > 0) return $"the project still has {connectors} data connector(s); delete them first";
            var accounts = _s._access.ServiceAccounts.Values.Count(a => a.ProjectId == id);
            if (accounts > 0) return $"the project still has {accounts} service account(s); delete them first";
            return null;
        }

        /// <summary>Deletes a project and the memberships in it.</summary>
        public void DeleteProjectAndMembers(ProjectRecord project)
        {
            var scope = project.Name;
            _s._access.Members.RemoveAll(m => m.Scope == scope);
            _s._projects.Remove(project.Id);
        }

        private RoleDefinition? RoleOf(Caller caller, string scope)
        {
            if (caller.IsGoogle) return null;
            var id = caller.AccountId;
            var member = _s._access.Members.FirstOrDefault(m => m.Scope == scope && m.IsServiceAccount && m.Id == id);
            return member == null ? null : Roles.Find(member.Role);
        }
    }
}
