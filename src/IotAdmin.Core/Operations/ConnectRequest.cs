using System.Security;
using IotAdmin.Sessions;

namespace IotAdmin.Operations
{
    /// <summary>What Connect-IotAdmin was given. Credentials come from exactly one source (see <see cref="ConnectOperation"/>).</summary>
    public sealed class ConnectRequest
    {
        /// <summary>The API root, with or without "/v2"; default DT's API.</summary>
        public string? Endpoint { get; set; }

        public string? TokenEndpoint { get; set; }

        public string? KeyId { get; set; }

        public SecureString? Secret { get; set; }

        public string? Email { get; set; }

        public string? CredentialsFile { get; set; }

        public IotSessionOptions? Options { get; set; }
    }
}
