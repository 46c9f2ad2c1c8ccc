using System.Collections;
using System.Collections.Generic;

namespace IotAdmin.Operations
{
    /// <summary>What Get-IotDevice was given for one pipeline record.</summary>
    internal sealed class GetDeviceRequest
    {
        /// <summary>A project id; null = every project of the account's organizations.</summary>
        public string? ProjectId { get; set; }

        /// <summary>Device ids or names ("projects/p/devices/d").</summary>
        public IReadOnlyList<string>? DeviceIds { get; set; }

        /// <summary>Label filters: a value of null or "" means "has this label".</summary>
        public IDictionary? Labels { get; set; }

        public IReadOnlyList<string>? DeviceTypes { get; set; }

        public IReadOnlyList<string>? ProductNumbers { get; set; }

        public string? Query { get; set; }

        public string? OrderBy { get; set; }
    }
}
