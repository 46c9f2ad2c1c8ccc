namespace IotAdmin.Backends
{
    /// <summary>Where a member belongs: a project ("projects/{p}") or the organization ("organizations/{o}").</summary>
    internal sealed class MemberScope
    {
        private MemberScope(string kind, string id, string path)
        {
            Kind = kind;
            Id = id;
            Path = path;
        }

        /// <summary>"project" or "organization" (for messages).</summary>
        public string Kind { get; }

        public string Id { get; }

        /// <summary>The resource name, which is also the path: "projects/p1".</summary>
        public string Path { get; }

        public bool IsProject => Kind == "project";

        public static MemberScope Project(string projectId) => new MemberScope("project", projectId, Wire.ResourceName.Project(projectId));

        public static MemberScope Organization(string organizationId) => new MemberScope("organization", organizationId, "organizations/" + organizationId);

        public override string ToString() => Kind + " '" + Id + "'";
    }
}
