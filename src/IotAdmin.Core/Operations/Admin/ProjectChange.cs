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

        /// <summary>Throws <see cref="System.ArgumentException"/> naming the parameter of the first bad value.</summary>
        public void Require()
        {
            Validation.InputRules.Require(AdminRules.CheckDisplayName("Project", DisplayName), "DisplayName");
            Validation.InputRules.Require(AdminRules.CheckLocation(Latitude, null, null), "Latitude");
            Validation.InputRules.Require(AdminRules.CheckLocation(null, Longitude, null), "Longitude");
            Validation.InputRules.Require(AdminRules.CheckLocation(null, null, TimeZone), "TimeZone");
            foreach (var label in AddLabels)
            {
                if (label.Value == null) throw new System.ArgumentException("Project label '" + label.Key + "' has a null value: to remove a project label, use -RemoveLabel.", "Label");
                Validation.InputRules.Require(Validation.InputRules.CheckLabelKey(label.Key) ?? Validation.InputRules.CheckLabelValue(label.Key, label.Value), "Label");
            }

            foreach (var key in RemoveLabels) Validation.InputRules.Require(Validation.InputRules.CheckLabelKey(key), "RemoveLabel");
        }

        /// <summary>"name 'X', time zone Europe/Oslo, labels +site -old": what -WhatIf says will change.</summary>
        public string Describe()
        {
            var parts = new List<string>();
            if (DisplayName != null) parts.Add("display name '" + DisplayName + "'");
            if (TimeZone != null) parts.Add("time zone " + TimeZone);
            if (Latitude.HasValue || Longitude.HasValue) parts.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, "position {0},{1}", Latitude, Longitude));
            if (AddLabels.Count > 0) parts.Add("labels " + string.Join(", ", System.Linq.Enumerable.Select(AddLabels, l => l.Key + "=" + l.Value)));
            if (RemoveLabels.Count > 0) parts.Add("remove labels " + string.Join(", ", RemoveLabels));
            return string.Join("; ", parts);
        }
    }
}
