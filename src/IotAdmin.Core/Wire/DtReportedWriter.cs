using System;
using System.Globalization;
using System.Text.Json;
using IotAdmin.Models;

namespace IotAdmin.Wire
{
    /// <summary>
    /// Reported state in the DT wire shape (dt-api.md §2 "reported"), for the fleet export: the events exactly as the
    /// DT API sent them; from another API, the reverse of <see cref="DtModelMapper"/> over the typed events (events
    /// IotAdmin does not type are written as null: their type is kept, their data is not).
    /// </summary>
    internal static class DtReportedWriter
    {
        public static void Write(Utf8JsonWriter json, IotReportedState r)
        {
            json.WriteStartObject();
            if (r.Wire != null)
            {
                foreach (var e in r.Wire)
                {
                    json.WritePropertyName(e.Key);
                    e.Value.WriteTo(json);
                }

                json.WriteEndObject();
                return;
            }

            foreach (var type in r.EventTypes)
            {
                json.WritePropertyName(type);
                if (!WriteEvent(json, type, r)) json.WriteNullValue();
            }

            json.WriteEndObject();
        }

        private static bool WriteEvent(Utf8JsonWriter json, string type, IotReportedState r)
        {
            switch (type)
            {
                case "networkStatus" when r.NetworkStatus != null:
                    json.WriteStartObject();
                    Number(json, "signalStrength", r.NetworkStatus.SignalStrength);
                    Number(json, "rssi", r.NetworkStatus.Rssi);
                    if (r.NetworkStatus.TransmissionMode != null) json.WriteString("transmissionMode", r.NetworkStatus.TransmissionMode);
                    json.WriteStartArray("cloudConnectors");
                    foreach (var id in r.NetworkStatus.CloudConnectorIds)
                    {
                        json.WriteStartObject();
                        json.WriteString("id", id);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    return End(json, r.NetworkStatus.UpdateTime);
                case "batteryStatus" when r.BatteryStatus != null:
                    json.WriteStartObject();
                    Number(json, "percentage", r.BatteryStatus.Percentage);
                    return End(json, r.BatteryStatus.UpdateTime);
                case "temperature" when r.Temperature != null: return Value(json, "value", r.Temperature);
                case "co2" when r.Co2 != null: return Value(json, "ppm", r.Co2);
                case "pressure" when r.Pressure != null: return Value(json, "pascal", r.Pressure);
                case "objectPresentCount" when r.ObjectPresentCount != null: return Value(json, "total", r.ObjectPresentCount);
                case "touchCount" when r.TouchCount != null: return Value(json, "total", r.TouchCount);
                case "humidity" when r.Humidity != null:
                    json.WriteStartObject();
                    Number(json, "temperature", r.Humidity.Temperature);
                    Number(json, "relativeHumidity", r.Humidity.RelativeHumidity);
                    return End(json, r.Humidity.UpdateTime);
                case "touch" when r.Touch != null: return State(json, r.Touch);
                case "objectPresent" when r.ObjectPresent != null: return State(json, r.ObjectPresent);
                case "waterPresent" when r.WaterPresent != null: return State(json, r.WaterPresent);
                case "motion" when r.Motion != null: return State(json, r.Motion);
                case "deskOccupancy" when r.DeskOccupancy != null: return State(json, r.DeskOccupancy);
                case "contact" when r.Contact != null: return State(json, r.Contact);
                case "connectionStatus" when r.ConnectionStatus != null:
                    json.WriteStartObject();
                    if (r.ConnectionStatus.Connection != null) json.WriteString("connection", r.ConnectionStatus.Connection);
                    json.WriteStartArray("available");
                    foreach (var a in r.ConnectionStatus.Available) json.WriteStringValue(a);
                    json.WriteEndArray();
                    return End(json, r.ConnectionStatus.UpdateTime);
                default:
                    return false;
            }
        }

        private static bool Value(Utf8JsonWriter json, string field, IotValueEvent e)
        {
            json.WriteStartObject();
            Number(json, field, e.Value);
            return End(json, e.UpdateTime);
        }

        private static bool State(Utf8JsonWriter json, IotStateEvent e)
        {
            json.WriteStartObject();
            if (e.State != null) json.WriteString("state", e.State);
            return End(json, e.UpdateTime);
        }

        private static void Number(Utf8JsonWriter json, string name, double? value)
        {
            if (value.HasValue) json.WriteNumber(name, value.Value);
        }

        private static bool End(Utf8JsonWriter json, DateTimeOffset? time)
        {
            if (time.HasValue) json.WriteString("updateTime", time.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
            json.WriteEndObject();
            return true;
        }
    }
}
