using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using IotAdmin.Errors;
using IotAdmin.Models;

namespace IotAdmin.Wire
{
    /// <summary>Data connector DTOs → models. The signature secret is dropped here, the one place it is read.</summary>
    internal static class DataConnectorMapper
    {
        private const string SecretField = "signatureSecret";

        public static IotDataConnector ToModel(DataConnectorDto dto)
        {
            var connector = new IotDataConnector
            {
                Name = dto.Name ?? string.Empty,
                ProjectId = ResourceName.IdAfter(dto.Name, "projects"),
                DataConnectorId = ResourceName.IdAfter(dto.Name, "dataconnectors"),
                DisplayName = dto.DisplayName ?? string.Empty,
                Type = dto.Type ?? string.Empty,
                Status = dto.Status ?? string.Empty,
                EventTypes = dto.Events?.ToArray() ?? Array.Empty<string>(),
                Labels = dto.Labels?.ToArray() ?? Array.Empty<string>(),
            };

            // The config object: httpConfig for HTTP_PUSH, e.g. pubsubConfig for the others.
            var config = dto.Other?.FirstOrDefault(p => p.Key.EndsWith("Config", StringComparison.Ordinal) && p.Value.ValueKind == JsonValueKind.Object);
            if (config?.Value is JsonElement element && element.ValueKind == JsonValueKind.Object)
            {
                var data = IotEventData.From(element);
                connector.HasSignatureSecret = data.TryGetValue(SecretField, out var secret) && secret is string s && s.Length > 0;
                connector.Config = data.Without(SecretField);
                connector.Url = FirstText(data, "url", "topic", "queueUrl");
                if (data.TryGetValue("headers", out var headers) && headers is IotEventData map)
                    connector.Headers = map.Where(h => h.Value is string).ToDictionary(h => h.Key, h => (string)h.Value!, StringComparer.Ordinal);
            }

            return connector;
        }

        public static IotDataConnectorMetric ToModel(string projectId, string connectorId, MetricsResponse response) => new IotDataConnectorMetric
        {
            ProjectId = projectId,
            DataConnectorId = connectorId,
            SuccessCount = response.Metrics?.SuccessCount ?? 0,
            ErrorCount = response.Metrics?.ErrorCount ?? 0,
            Latency99p = DurationText.ParseProtoDuration(response.Metrics?.Latency99p),
        };

        private static string? FirstText(IReadOnlyDictionary<string, object?> data, params string[] names)
        {
            foreach (var name in names)
                if (data.TryGetValue(name, out var v) && v is string s && s.Length > 0) return s;
            return null;
        }
    }
}
