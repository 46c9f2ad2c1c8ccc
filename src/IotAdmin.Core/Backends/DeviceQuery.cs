using System;
using System.Collections.Generic;

namespace IotAdmin.Backends
{
    /// <summary>A device listing: one project (or "-" for all projects of <see cref="OrganizationId"/>) and filters (dt-api.md §2).</summary>
    internal sealed class DeviceQuery
    {
        /// <summary>A project id, or "-" with <see cref="OrganizationId"/> for every project of the organization.</summary>
        public string ProjectId { get; set; } = "-";

        public string? OrganizationId { get; set; }

        public IReadOnlyList<string> DeviceIds { get; set; } = Array.Empty<string>();

        public IReadOnlyList<string> DeviceTypes { get; set; } = Array.Empty<string>();

        public IReadOnlyList<string> ProductNumbers { get; set; } = Array.Empty<string>();

        /// <summary>Label filters: key → value, or key → null for "has this label".</summary>
        public IReadOnlyDictionary<string, string?> Labels { get; set; } = new Dictionary<string, string?>();

        public string? Query { get; set; }

        /// <summary>A dot path (labels.name, reported.temperature.value, id, type); "-" prefix for descending.</summary>
        public string? OrderBy { get; set; }

        /// <summary>Devices per page, 1–100 (default 100: fewest requests).</summary>
        public int PageSize { get; set; } = 100;
    }
}
