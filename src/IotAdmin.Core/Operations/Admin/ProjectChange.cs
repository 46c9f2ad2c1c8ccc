using System.Collections.Generic;

namespace IotAdmin.Operations.Admin
{
    /// <summary>What New-IotProject or Set-IotProject was given; null = leave as it is.</summary>
    internal sealed class ProjectChange
    {
        public string? DisplayName { get; set; }

        public string? TimeZone { get; set; }

        public double? Latitude { get; set; }

        public double? Longitude { get; set; }

        /// <summary>Labels to add or change (Set-IotProject).</summary>
        public IReadOnlyDictionary<string, string> AddLabels { get; set; } = new Dictionary<string, string>();

        /// <summary>Label names to remove (Set-IotProject).</summary>
        public IReadOnlyList<string> RemoveLabels { get; set; } = new string[0];

        public bool HasLocation => TimeZone != null || Latitude.HasValue || Longitude.HasValue;

        public bool HasLabels => AddLabels.Count > 0 || RemoveLabels.Count > 0;

        public Wire.LocationDto? Location() => HasLocation ? new Wire.LocationDto { Latitude = Latitude, Longitude = Longitude, TimeLocation = TimeZone } : null;

        /// <summary>The first problem with the values, or null.</summary>
        public string? Check()
        {
            var problem = AdminRules.CheckDisplayName("Project", DisplayName) ?? AdminRules.CheckLocation(Latitude, Longitude, TimeZone);
            if (problem != null) return problem;
            foreach (var label in AddLabels)
            {
                problem = Validation.InputRules.CheckLabelKey(label.Key) ?? Validation.InputRules.CheckLabelValue(label.Key, label.Value);
                if (problem != null) return problem;
            }

            foreach (var key in RemoveLabels)
            {
                problem = Validation.InputRules.CheckLabelKey(key);
                if (problem != null) return problem;
            }

            return null;
        }

        /// <summary>"name 'X', time zone Europe/Oslo, labels +site -old": what -WhatIf says will change.</summary>
        public string Describe()
        {
            var parts = new List<string>();
            if (DisplayName != null) parts.Add("display name '" + DisplayName + "'");
            if (TimeZone != null) parts.Add("time zone " + TimeZone);
            if (Latitude.HasValue || Longitude.HasValue) parts.Add("position " + Latitude + "," + Longitude);
            if (AddLabels.Count > 0) parts.Add("labels " + string.Join(", ", System.Linq.Enumerable.Select(AddLabels, l => l.Key + "=" + l.Value)));
            if (RemoveLabels.Count > 0) parts.Add("remove labels " + string.Join(", ", RemoveLabels));
            return string.Join("; ", parts);
        }
    }
}
