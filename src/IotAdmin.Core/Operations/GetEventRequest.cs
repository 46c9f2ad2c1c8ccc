using System;
using System.Collections.Generic;

namespace IotAdmin.Operations
{
    /// <summary>What Get-IotEvent was given for one pipeline record.</summary>
    internal sealed class GetEventRequest
    {
        /// <summary>The devices' project; required unless every device reference is a full name.</summary>
        public string? ProjectId { get; set; }

        /// <summary>Device ids or names ("projects/p/devices/d"); none = every device of the project.</summary>
        public IReadOnlyList<string>? DeviceIds { get; set; }

        public IReadOnlyList<string>? EventTypes { get; set; }

        public DateTimeOffset? StartTime { get; set; }

        public DateTimeOffset? EndTime { get; set; }

        /// <summary>The window's length back from now (instead of <see cref="StartTime"/>).</summary>
        public TimeSpan? Last { get; set; }
    }
}
