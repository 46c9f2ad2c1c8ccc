namespace IotAdmin.Models
{
    /// <summary>One thing the connected service account may do in a project or the organization (GET …/permissions).</summary>
    public sealed class IotPermission
    {
        /// <summary>e.g. "device.update", "membership.create".</summary>
        public string Permission { get; internal set; } = string.Empty;

        /// <summary>Where it holds: "projects/{p}" or "organizations/{o}".</summary>
        public string Resource { get; internal set; } = string.Empty;

        public string? ProjectId { get; internal set; }

        public string? OrganizationId { get; internal set; }

        public override string ToString() => Permission + " on " + Resource;
    }
}
