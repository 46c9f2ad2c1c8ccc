using System;
using System.Collections.Generic;
using System.Linq;

namespace IotAdmin.Operations.Onboarding
{
    /// <summary>The types DT's emulator API creates (dt-api-admin.md §9); -Type's check and its tab completion.</summary>
    internal static class EmulatedDeviceTypes
    {
        public static readonly IReadOnlyList<string> All = new[]
        {
            "temperature", "touch", "proximity", "humidity", "touchCounter", "proximityCounter", "waterDetector", "co2", "motion", "contact", "deskOccupancy", "ccon",
        };

        /// <summary>The type as the API spells it (case-insensitive match), or null.</summary>
        public static string? Canonical(string? type) => All.FirstOrDefault(t => string.Equals(t, type?.Trim(), StringComparison.OrdinalIgnoreCase));
    }
}
