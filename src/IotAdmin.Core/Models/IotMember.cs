using System;

namespace IotAdmin.Models
{
    /// <summary>
    /// A member of a project or of the organization: a user or a service account with exactly one role.
    /// <c>Get-IotMember … | Remove-IotMember</c> binds on ProjectId (or OrganizationId) and MemberId.
    /// </summary>
    public sealed class IotMember
    {
        public string MemberId { get; internal set; } = string.Empty;

        /// <summary>"projects/{p}/members/{m}" or "organizations/{o}/members/{m}".</summary>
        public string Name { get; internal set; } = string.Empty;

        /// <summary>The project of a project member; null for an organization member.</summary>
        public string? ProjectId { get; internal set; }

        /// <summary>The organization of an organization member; null for a project member.</summary>
        public string? OrganizationId { get; internal set; }

        public string DisplayName { get; internal set; } = string.Empty;

        /// <summary>Lowercase, as the API answers it.</summary>
        public string Email { get; internal set; } = string.Empty;

        /// <summary>The short role name, e.g. "project.developer" (the API's "roles/project.developer").</summary>
        public string Role { get; internal set; } = string.Empty;

        /// <summary>ACCEPTED or PENDING (an invited user who has not accepted yet).</summary>
        public string Status { get; internal set; } = string.Empty;

        /// <summary>USER or SERVICE_ACCOUNT.</summary>
        public string AccountType { get; internal set; } = string.Empty;

        /// <summary>Null in the answer to an add (the API sends null there).</summary>
        public DateTimeOffset? CreateTime { get; internal set; }

        public override string ToString() => Name;
    }
}
