using System;
using System.Globalization;
using System.Text.Json;
using IotAdmin.Models;

namespace IotAdmin.Wire
{
    /// <summary>Event DTOs → <see cref="IotEvent"/>, with the value a person reads first. Tolerant: odd fields give an empty Value, never an exception.</summary>
    internal static class EventMapper
    {
        public static IotEvent ToModel(EventDto dto)
        {
            var type = dto.EventType ?? string.Empty;
            var data = Inner(dto.Data, type);
            var e = new IotEvent
            {
                EventId = dto.EventId ?? string.Empty,
                TargetName = dto.TargetName ?? string.Empty,
                ProjectId = ResourceName.IdAfter(dto.TargetName, "projects"),
                DeviceId = (dto.TargetName ?? string.Empty).Contains("/devices/") ? ResourceName.IdAfter(dto.TargetName, "devices") : string.Empty,
                EventType = type,
                Timestamp = ParseTime(dto.Timestamp) ?? DateTimeOffset.MinValue,
                Data = data.HasValue ? IotEventData.From(data.Value) : new IotEventData(),
            };
            if (data.HasValue) Describe(e, type, data.Value);
            return e;
        }

        public static DateTimeOffset? ParseTime(string? text) =>
            text != null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : (DateTimeOffset?)null;

        /// <summary>data.&lt;eventType&gt; for every type but labelsChanged, whose data is unkeyed.</summary>
        private static JsonElement? Inner(JsonElement? data, string type)
        {
            if (!data.HasValue || data.Value.ValueKind != JsonValueKind.Object) return null;
            return data.Value.TryGetProperty(type, out var inner) && inner.ValueKind == JsonValueKind.Object ? inner : data.Value;
        }

        private static void Describe(IotEvent e, string type, JsonElement d)
        {
            switch (type)
            {
                case "temperature":
                    Set(e, Num(d, "value"), "°C", "0.00");
                    break;
                case "humidity":
                    var rh = Num(d, "relativeHumidity");
                    var celsius = Num(d, "temperature");
                    e.Number = rh;
                    e.Unit = rh.HasValue ? "%RH" : string.Empty;
                    e.Value = string.Join(" ", new[] { rh.HasValue ? Format(rh.Value, "0.0") + " %RH" : null, celsius.HasValue ? Format(celsius.Value, "0.00") + " °C" : null }).Trim();
                    break;
                case "co2":
                    Set(e, Num(d, "ppm"), "ppm", "0");
                    break;
                case "pressure":
                    Set(e, Num(d, "pascal"), "Pa", "0");
                    break;
                case "batteryStatus":
                    Set(e, Num(d, "percentage"), "%", "0");
                    break;
                case "objectPresentCount":
                case "touchCount":
                    Set(e, Num(d, "total"), string.Empty, "0");
                    break;
                case "networkStatus":
                    var signal = Num(d, "signalStrength");
                    e.Number = signal;
                    e.Unit = signal.HasValue ? "%" : string.Empty;
                    e.Value = signal.HasValue ? "signal " + Format(signal.Value, "0") + " %" : string.Empty;
                    break;
                case "cellularStatus":
                    Set(e, Num(d, "signalStrength"), "%", "0");
                    break;
                case "connectionStatus":
                    e.Value = Str(d, "connection") ?? string.Empty;
                    break;
                case "ethernetStatus":
                    e.Value = Str(d, "ipAddress") ?? string.Empty;
                    break;
                case "touch":
                    e.Value = "touched";
                    break;
                case "labelsChanged":
                    e.Value = LabelsChanged(d);
                    break;
                default:
                    // objectPresent, waterPresent, motion, deskOccupancy, contact, probeWireStatus and types to come.
                    e.Value = Str(d, "state") ?? string.Empty;
                    break;
            }
        }

        private static void Set(IotEvent e, double? number, string unit, string format)
        {
            e.Number = number;
            e.Unit = number.HasValue ? unit : string.Empty;
            e.Value = number.HasValue ? (Format(number.Value, format) + " " + unit).TrimEnd() : string.Empty;
        }

        private static string LabelsChanged(JsonElement d)
        {
            int Count(string name) => d.TryGetProperty(name, out var v) ? (v.ValueKind == JsonValueKind.Object ? CountProperties(v) : v.ValueKind == JsonValueKind.Array ? v.GetArrayLength() : 0) : 0;
            return "+" + Count("added") + " ~" + Count("modified") + " -" + Count("removed");
        }

        private static int CountProperties(JsonElement o)
        {
            var n = 0;
            foreach (var unused in o.EnumerateObject()) n++;
            return n;
        }

        private static string Format(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

        private static string? Str(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        private static double? Num(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) ? d : (double?)null;
    }
}
