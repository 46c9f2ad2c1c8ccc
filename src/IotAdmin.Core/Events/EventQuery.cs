using System;
using System.Collections.Generic;

namespace IotAdmin.Events
{
    /// <summary>One device's event history in a window (dt-api-admin.md §6); null ends leave the server's default (the last 24 h).</summary>
    internal sealed class EventQuery
    {
        public string ProjectId { get; set; } = string.Empty;

        public string DeviceId { get; set; } = string.Empty;

        public DateTimeOffset? Start { get; set; }

        public DateTimeOffset? End { get; set; }

        public IReadOnlyList<string> EventTypes { get; set; } = Array.Empty<string>();

        /// <summary>Events per page, 1–1000 (default 1000: fewest requests).</summary>
        public int PageSize { get; set; } = MaxPageSize;

        public const int MaxPageSize = 1000;
    }
}
