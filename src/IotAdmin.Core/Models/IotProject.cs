namespace IotAdmin.Models
{
    /// <summary>A project: the unit devices live in. <c>Get-IotProject | Get-IotDevice</c> binds on ProjectId.</summary>
    public sealed class IotProject
    {
        public string ProjectId { get; internal set; } = string.Empty;

        /// <summary>The resource name, "projects/{id}".</summary>
        public string Name { get; internal set; } = string.Empty;

        public string DisplayName { get; internal set; } = string.Empty;

        public string? OrganizationId { get; internal set; }

        public string? OrganizationDisplayName { get; internal set; }

        public int SensorCount { get; internal set; }

        public int CloudConnectorCount { get; internal set; }

        /// <summary>True for the organization's auto-created Inventory project.</summary>
        public bool IsInventory { get; internal set; }

        /// <summary>The project's labels (DT; empty for Cloud IoT Core registries).</summary>
        public System.Collections.Generic.IReadOnlyDictionary<string, string> Labels { get; internal set; } = new System.Collections.Generic.Dictionary<string, string>();

        /// <summary>The IANA time zone of the project's location, e.g. "Europe/Oslo"; null when none is set.</summary>
        public string? TimeZone { get; internal set; }

        public double? Latitude { get; internal set; }

        public double? Longitude { get; internal set; }

        public override string ToString() => Name;
    }
}
