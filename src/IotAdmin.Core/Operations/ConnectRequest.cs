using System.Security;
using IotAdmin.Sessions;

namespace IotAdmin.Operations
{
    /// <summary>What Connect-IotAdmin was given. Credentials come from exactly one source (see <see cref="ConnectOperation"/>).</summary>
    internal sealed class ConnectRequest
    {
        /// <summary>The API root, with or without "/v2"; default DT's API.</summary>
        public string? Endpoint { get; set; }

        public string? TokenEndpoint { get; set; }

        public string? KeyId { get; set; }

        public SecureString? Secret { get; set; }

        public string? Email { get; set; }

        public string? CredentialsFile { get; set; }

        public IotSessionOptions? Options { get; set; }

        /// <summary>The server's budget per window; null = the provider's (see <see cref="ProviderProfile"/>). Overrides Options.RateLimit.</summary>
        public int? RequestsPerWindow { get; set; }

        /// <summary>The rate-limit window; null = 10 s.</summary>
        public System.TimeSpan? RateLimitWindow { get; set; }

        /// <summary>"DisruptiveTechnologies" (default) or "GoogleIotCore".</summary>
        public string Provider { get; set; } = ProviderProfile.DisruptiveTechnologiesName;

        /// <summary>Cloud IoT Core: a Google service-account key file (default: GOOGLE_APPLICATION_CREDENTIALS).</summary>
        public string? KeyFile { get; set; }

        /// <summary>Cloud IoT Core: the Google Cloud project (default: the key's project_id).</summary>
        public string? CloudProjectId { get; set; }

        /// <summary>Cloud IoT Core: the region whose registries are the projects.</summary>
        public string Location { get; set; } = ProviderProfile.DefaultGoogleLocation;
    }
}
