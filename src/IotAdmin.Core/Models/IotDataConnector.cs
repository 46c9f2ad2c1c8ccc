using System;
using System.Collections.Generic;

namespace IotAdmin.Models
{
    /// <summary>
    /// A data connector of a project (dt-api-admin.md §5). The signature secret is never kept: only whether one is set.
    /// Types other than HTTP_PUSH keep their config object as data (<see cref="Config"/>).
    /// </summary>
    public sealed class IotDataConnector
    {
        /// <summary>"projects/{p}/dataconnectors/{dc}".</summary>
        public string Name { get; internal set; } = string.Empty;

        public string ProjectId { get; internal set; } = string.Empty;

        public string DataConnectorId { get; internal set; } = string.Empty;

        public string DisplayName { get; internal set; } = string.Empty;

        /// <summary>HTTP_PUSH, AZURE_SERVICE_BUS, AZURE_EVENT_HUB, GOOGLE_CLOUD_PUBSUB, AWS_SQS (or a type to come).</summary>
        public string Type { get; internal set; } = string.Empty;

        /// <summary>ACTIVE, USER_DISABLED, or SYSTEM_DISABLED (the service stopped it after failed pushes).</summary>
        public string Status { get; internal set; } = string.Empty;

        /// <summary>The event types pushed; empty = all.</summary>
        public IReadOnlyList<string> EventTypes { get; internal set; } = Array.Empty<string>();

        /// <summary>The label keys copied into each push.</summary>
        public IReadOnlyList<string> Labels { get; internal set; } = Array.Empty<string>();

        /// <summary>HTTP_PUSH: where events are posted. Other types: the config's url, topic or queue, when it has one.</summary>
        public string? Url { get; internal set; }

        /// <summary>HTTP_PUSH: the custom headers sent with each push.</summary>
        public IReadOnlyDictionary<string, string> Headers { get; internal set; } = new Dictionary<string, string>();

        /// <summary>Whether pushes are signed (X-Dt-Signature). The secret itself is never read into this object.</summary>
        public bool HasSignatureSecret { get; internal set; }

        /// <summary>The type's config object as the server sent it, without the signature secret.</summary>
        public IotEventData Config { get; internal set; } = new IotEventData();

        public override string ToString() => DataConnectorId + " (" + Type + ", " + Status + ")";
    }
}
