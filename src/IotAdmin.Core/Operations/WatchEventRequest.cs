using System;
using System.Collections;
using System.Collections.Generic;

namespace IotAdmin.Operations
{
    /// <summary>What Watch-IotEvent was given.</summary>
    internal sealed class WatchEventRequest
    {
        public string ProjectId { get; set; } = string.Empty;

        public IReadOnlyList<string>? DeviceIds { get; set; }

        public IReadOnlyList<string>? DeviceTypes { get; set; }

        public IReadOnlyList<string>? EventTypes { get; set; }

        /// <summary>Label filters: @{ floor = '3'; zone = $null }; a $null or '' value means "has this label".</summary>
        public IDictionary? Labels { get; set; }

        /// <summary>Stop after this many events; null = until stopped.</summary>
        public int? Count { get; set; }

        /// <summary>Stop after this long; null = until stopped.</summary>
        public TimeSpan? Timeout { get; set; }

        public TimeSpan PingInterval { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>Ask for text/event-stream instead of line-delimited JSON.</summary>
        public bool ServerSentEvents { get; set; }
    }
}
