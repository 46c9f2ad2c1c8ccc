namespace IotAdmin.Models
{
    /// <summary>A DT organization.</summary>
    public sealed class IotOrganization
    {
        public string OrganizationId { get; internal set; } = string.Empty;

        /// <summary>The resource name, "organizations/{id}".</summary>
        public string Name { get; internal set; } = string.Empty;

        public string DisplayName { get; internal set; } = string.Empty;

        public override string ToString() => Name;
    }
}
