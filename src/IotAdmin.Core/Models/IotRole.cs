using System.Collections.Generic;

namespace IotAdmin.Models
{
    /// <summary>A role and the permissions it grants (GET /roles).</summary>
    public sealed class IotRole
    {
        /// <summary>The short name Add-IotMember -Role takes, e.g. "project.developer".</summary>
        public string Role { get; internal set; } = string.Empty;

        /// <summary>The resource name, "roles/project.developer".</summary>
        public string Name { get; internal set; } = string.Empty;

        public string DisplayName { get; internal set; } = string.Empty;

        public string Description { get; internal set; } = string.Empty;

        public IReadOnlyList<string> Permissions { get; internal set; } = new string[0];

        public override string ToString() => Name;
    }
}
