using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using IotAdmin.Models;

namespace IotAdmin.Wire
{
    /// <summary>
    /// Wire DTOs → the public models. Tolerant: missing or oddly typed fields become nulls, never exceptions — except a
    /// missing resource name, without which there is no id (a FormatException the backend reports as an invalid answer).
    /// </summary>
    internal static class DtModelMapper
    {
        private static string NameOf(string? name, string what) =>
            string.IsNullOrEmpty(name) ? throw new FormatException("a " + what + " without a name") : name!;

        public static IotOrganization ToModel(OrganizationDto dto) => new IotOrganization
        {
            Name = NameOf(dto.Name, "organization"),
            OrganizationId = ResourceName.IdAfter(dto.Name, "organizations"),
            DisplayName = dto.DisplayName ?? string.Empty,
        };

        public static IotProject ToModel(ProjectDto dto) => new IotProject
        {
            Name = NameOf(dto.Name, "project"),
            ProjectId = ResourceName.IdAfter(dto.Name, "projects"),
            DisplayName = dto.DisplayName ?? string.Empty,
            OrganizationId = string.IsNullOrEmpty(dto.Organization) ? null : ResourceName.IdAfter(dto.Organization, "organizations"),
            OrganizationDisplayName = dto.OrganizationDisplayName,
            SensorCount = dto.SensorCount ?? 0,
            CloudConnectorCount = dto.CloudConnectorCount ?? 0,
            IsInventory = dto.Inventory ?? false,
            Labels = Labels(dto.Labels),
            TimeZone = string.IsNullOrEmpty(dto.Location?.TimeLocation) ? null : dto.Location!.TimeLocation,
            Latitude = dto.Location?.Latitude,
            Longitude = dto.Location?.Longitude,
        };

        /// <summary>A label map with null values read as "" (the API may send either).</summary>
        internal static Dictionary<string, string> Labels(Dictionary<string, string?>? labels)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            if (labels != null)
                foreach (var l in labels) result[l.Key] = l.Value ?? string.Empty;
            return result;
        }

        public static IotDevice ToModel(DeviceDto dto)
        {
            var name = NameOf(dto.Name, "device");
            if (!name.Contains("/devices/")) throw new FormatException("a device named '" + name + "', not projects/{project}/devices/{device}");
            var labels = Labels(dto.Labels);
            return new IotDevice
            {
                Name = name,
                ProjectId = ResourceName.IdAfter(name, "projects"),
                DeviceId = ResourceName.IdAfter(name, "devices"),
                Type = dto.Type ?? string.Empty,
                ProductNumber = string.IsNullOrEmpty(dto.ProductNumber) ? null : dto.ProductNumber,
                Labels = labels,
                Reported = ToReported(dto.Reported),
            };
        }

        private static IotReportedState ToReported(Dictionary<string, JsonElement>? reported)
        {
            var state = new IotReportedState();
            if (reported == null) return state;
            state.EventTypes = reported.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray();
            state.Wire = reported;
            DateTimeOffset? last = null;
            foreach (var pair in reported)
            {
                var e = pair.Value;
                if (e.ValueKind != JsonValueKind.Object) continue;
                var time = Time(e, "updateTime");
                if (time.HasValue && (!last.HasValue || time > last)) last = time;
                switch (pair.Key)
                {
                    case "networkStatus":
                        state.NetworkStatus = new IotNetworkStatus
                        {
                            SignalStrength = Int(e, "signalStrength"),
                            Rssi = Int(e, "rssi"),
                            TransmissionMode = Str(e, "transmissionMode"),
                            CloudConnectorIds = Array(e, "cloudConnectors").Select(c => Str(c, "id")).Where(id => id != null).Select(id => id!).ToArray(),
                            UpdateTime = time,
                        };
                        break;
                    case "batteryStatus":
                        state.BatteryStatus = new IotBatteryStatus { Percentage = Int(e, "percentage"), UpdateTime = time };
                        break;
                    case "temperature":
                        state.Temperature = Value(e, "value", time);
                        break;
                    case "humidity":
                        state.Humidity = new IotHumidityEvent { Temperature = Num(e, "temperature"), RelativeHumidity = Num(e, "relativeHumidity"), UpdateTime = time };
                        break;
                    case "co2":
                        state.Co2 = Value(e, "ppm", time);
                        break;
                    case "pressure":
                        state.Pressure = Value(e, "pascal", time);
                        break;
                    case "objectPresentCount":
                        state.ObjectPresentCount = Value(e, "total", time);
                        break;
                    case "touchCount":
                        state.TouchCount = Value(e, "total", time);
                        break;
                    case "touch":
                        state.Touch = StateEvent(e, time);
                        break;
                    case "objectPresent":
                        state.ObjectPresent = StateEvent(e, time);
                        break;
                    case "waterPresent":
                        state.WaterPresent = StateEvent(e, time);
                        break;
                    case "motion":
                        state.Motion = StateEvent(e, time);
                        break;
                    case "deskOccupancy":
                        state.DeskOccupancy = StateEvent(e, time);
                        break;
                    case "contact":
                        state.Contact = StateEvent(e, time);
                        break;
                    case "connectionStatus":
                        state.ConnectionStatus = new IotConnectionStatus
                        {
                            Connection = Str(e, "connection"),
                            Available = Array(e, "available").Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!).ToArray(),
                            UpdateTime = time,
                        };
                        break;
                }
            }

            state.LastUpdateTime = last;
            return state;
        }

        private static IotStateEvent StateEvent(JsonElement e, DateTimeOffset? time) => new IotStateEvent { State = Str(e, "state"), UpdateTime = time };

        private static IotValueEvent Value(JsonElement e, string field, DateTimeOffset? time) => new IotValueEvent { Value = Num(e, field), UpdateTime = time };

        private static string? Str(JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        private static double? Num(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) ? d : (double?)null;

        private static int? Int(JsonElement e, string name)
        {
            var d = Num(e, name);
            return d.HasValue && d.Value >= int.MinValue && d.Value <= int.MaxValue ? (int)Math.Round(d.Value) : (int?)null;
        }

        private static DateTimeOffset? Time(JsonElement e, string name)
        {
            var s = Str(e, name);
            return s != null && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : (DateTimeOffset?)null;
        }

        private static IEnumerable<JsonElement> Array(JsonElement e, string name)
        {
            if (!e.TryGetProperty(name, out var a) || a.ValueKind != JsonValueKind.Array) yield break;
            foreach (var item in a.EnumerateArray()) yield return item;
        }
    }
}
