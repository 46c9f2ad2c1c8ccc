using System;
using System.Collections.Generic;

namespace IotAdmin.Events
{
    /// <summary>A live event stream of one project and its filters (dt-api-admin.md §7).</summary>
    internal sealed class StreamQuery
    {
        public string ProjectId { get; set; } = string.Empty;

        public IReadOnlyList<string> DeviceIds { get; set; } = Array.Empty<string>();

        public IReadOnlyList<string> DeviceTypes { get; set; } = Array.Empty<string>();

        public IReadOnlyList<string> EventTypes { get; set; } = Array.Empty<string>();

        /// <summary>"key=value", or a bare "key" for "has the label".</summary>
        public IReadOnlyList<string> LabelFilters { get; set; } = Array.Empty<string>();

        /// <summary>How often the server sends a ping; a connection silent for longer (plus a margin) is taken as dead.</summary>
        public TimeSpan PingInterval { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>Server-sent events (text/event-stream) instead of the default line-delimited JSON.</summary>
        public bool ServerSentEvents { get; set; }
    }
}
