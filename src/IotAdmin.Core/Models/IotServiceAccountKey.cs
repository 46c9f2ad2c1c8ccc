using System;

namespace IotAdmin.Models
{
    /// <summary>
    /// A key of a service account, without its secret (the API shows a secret only once, when the key is made; see
    /// <see cref="IotNewServiceAccountKey"/>). Binds to Remove-IotServiceAccountKey by ProjectId, ServiceAccountId, KeyId.
    /// </summary>
    public sealed class IotServiceAccountKey
    {
        /// <summary>The key id: Connect-IotAdmin's -KeyId, the JWT's "kid".</summary>
        public string KeyId { get; internal set; } = string.Empty;

        /// <summary>"projects/{p}/serviceaccounts/{sa}/keys/{k}".</summary>
        public string Name { get; internal set; } = string.Empty;

        public string ProjectId { get; internal set; } = string.Empty;

        public string ServiceAccountId { get; internal set; } = string.Empty;

        public DateTimeOffset? CreateTime { get; internal set; }

        public override string ToString() => Name;
    }
}
