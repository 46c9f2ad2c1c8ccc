using System.Collections;
using System.Collections.Generic;
using System.Security;

namespace IotAdmin.Operations
{
    /// <summary>What New-/Set-/Enable-/Disable-IotDataConnector were given; null fields are left as they are.</summary>
    internal sealed class DataConnectorRequest
    {
        public string ProjectId { get; set; } = string.Empty;

        /// <summary>Set: the connector to change; New: null.</summary>
        public string? DataConnectorId { get; set; }

        public string? DisplayName { get; set; }

        /// <summary>HTTP_PUSH: where events are posted (https; http://127.0.0.1 in the emulator).</summary>
        public string? Url { get; set; }

        /// <summary>Signs each push (X-Dt-Signature); never written anywhere but the request body.</summary>
        public SecureString? SignatureSecret { get; set; }

        public IDictionary? Headers { get; set; }

        public IReadOnlyList<string>? EventTypes { get; set; }

        public IReadOnlyList<string>? Labels { get; set; }

        /// <summary>ACTIVE or USER_DISABLED.</summary>
        public string? Status { get; set; }
    }
}
