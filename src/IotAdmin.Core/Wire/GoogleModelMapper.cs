using System;
using System.Collections.Generic;
using System.Globalization;
using IotAdmin.Models;

namespace IotAdmin.Wire
{
    /// <summary>Cloud IoT Core registries and devices → the public models (registry = project, metadata = labels).</summary>
    internal static class GoogleModelMapper
    {
        public static IotProject ToModel(RegistryDto dto, string cloudProject) => new IotProject
        {
            ProjectId = dto.Id ?? ResourceName.IdAfter(dto.Name, "registries"),
            Name = dto.Name ?? string.Empty,
            DisplayName = dto.Id ?? ResourceName.IdAfter(dto.Name, "registries"),
            OrganizationId = cloudProject,
            OrganizationDisplayName = cloudProject,
        };

        public static IotDevice ToModel(GoogleDeviceDto dto)
        {
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            if (dto.Metadata != null)
                foreach (var m in dto.Metadata) labels[m.Key] = m.Value ?? string.Empty;
            var lastEvent = DateTimeOffset.TryParse(dto.LastEventTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : (DateTimeOffset?)null;
            return new IotDevice
            {
                Name = dto.Name ?? string.Empty,
                ProjectId = ResourceName.IdAfter(dto.Name, "registries"),
                DeviceId = dto.Id ?? ResourceName.IdAfter(dto.Name, "devices"),
                NumId = dto.NumId,
                Type = string.Equals(dto.GatewayConfig?.GatewayType, "GATEWAY", StringComparison.Ordinal) ? "gateway" : "device",
                Labels = labels,
                Reported = new IotReportedState { LastUpdateTime = lastEvent },
            };
        }
    }
}
