using System;

namespace IotAdmin.Models
{
    /// <summary>
    /// A service account: the identity of an integration or runbook. It may do nothing until its Email is added as a
    /// member (Add-IotMember). <c>Get-IotServiceAccount -ProjectId p | Get-IotServiceAccountKey</c> binds on
    /// ProjectId and ServiceAccountId.
    /// </summary>
    public sealed class IotServiceAccount
    {
        public string ServiceAccountId { get; internal set; } = string.Empty;

        /// <summary>"projects/{p}/serviceaccounts/{sa}".</summary>
        public string Name { get; internal set; } = string.Empty;

        /// <summary>The project that owns the account (not necessarily one it may use).</summary>
        public string ProjectId { get; internal set; } = string.Empty;

        /// <summary>What Add-IotMember -Email and Connect-IotAdmin -Email take.</summary>
        public string Email { get; internal set; } = string.Empty;

        public string DisplayName { get; internal set; } = string.Empty;

        /// <summary>Whether the API accepts its keys with HTTP Basic auth (tokens work either way).</summary>
        public bool EnableBasicAuth { get; internal set; }

        public DateTimeOffset? CreateTime { get; internal set; }

        public DateTimeOffset? UpdateTime { get; internal set; }

        public override string ToString() => Name;
    }
}
