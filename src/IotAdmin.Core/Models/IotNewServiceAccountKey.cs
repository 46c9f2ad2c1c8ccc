using System;
using System.Security;

namespace IotAdmin.Models
{
    /// <summary>
    /// A key just made, with its secret: the only time the API shows it. The secret is a read-only SecureString and
    /// appears in no text (ToString, views, messages); IotAdmin keeps no copy. New-IotServiceAccountKey adds a
    /// Credential property (a PSCredential: user name = KeyId, password = Secret) for Connect-IotAdmin -Credential.
    /// </summary>
    public sealed class IotNewServiceAccountKey
    {
        public string KeyId { get; internal set; } = string.Empty;

        /// <summary>"projects/{p}/serviceaccounts/{sa}/keys/{k}".</summary>
        public string Name { get; internal set; } = string.Empty;

        public string ProjectId { get; internal set; } = string.Empty;

        public string ServiceAccountId { get; internal set; } = string.Empty;

        /// <summary>The service account's e-mail: Connect-IotAdmin -Email.</summary>
        public string Email { get; internal set; } = string.Empty;

        public DateTimeOffset? CreateTime { get; internal set; }

        /// <summary>The token endpoint of the session that made the key (what a credentials file names).</summary>
        public Uri? TokenEndpoint { get; internal set; }

        /// <summary>The credentials file written with -OutFile; null when none was.</summary>
        public string? OutFile { get; internal set; }

        /// <summary>The secret, read-only.</summary>
        public SecureString Secret { get; internal set; } = new SecureString();

        public override string ToString() => Name;
    }
}
