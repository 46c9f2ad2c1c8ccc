using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace IotAdmin.Operations.Onboarding
{
    /// <summary>
    /// Send-IotEmulatedEvent's event data: exactly one of -Temperature (with -RelativeHumidity: a humidity event),
    /// -Touch, -ObjectPresent, -Co2 or -EventType with -Data. Checked before any request.
    /// </summary>
    internal sealed class EmulatedEvent
    {
        public double? Temperature { get; set; }

        public double? RelativeHumidity { get; set; }

        public bool Touch { get; set; }

        /// <summary>True: PRESENT, false: NOT_PRESENT, null: not given.</summary>
        public bool? ObjectPresent { get; set; }

        public int? Co2 { get; set; }

        public string? EventType { get; set; }

        public IDictionary? Data { get; set; }

        /// <summary>The event type the body will carry for a device of <paramref name="deviceType"/>.</summary>
        public string TypeFor(string? deviceType)
        {
            Check();
            if (EventType != null) return EventType;
            if (RelativeHumidity != null || (Temperature != null && string.Equals(deviceType, "humidity", StringComparison.Ordinal))) return "humidity";
            if (Temperature != null) return "temperature";
            if (Touch) return "touch";
            if (ObjectPresent != null) return "objectPresent";
            return "co2";
        }

        /// <summary>The :publish body {"&lt;eventType&gt;":{…}} for a device of <paramref name="deviceType"/> (null when unknown).</summary>
        public byte[] BodyFor(string? deviceType)
        {
            var type = TypeFor(deviceType);
            if (type == "humidity" && (Temperature == null || RelativeHumidity == null) && EventType == null)
                throw new ArgumentException("A humidity event needs both -Temperature and -RelativeHumidity.", Temperature == null ? "Temperature" : "RelativeHumidity");
            var data = EventType != null ? Data ?? new Hashtable()
                : type == "humidity" ? new Hashtable { ["temperature"] = Temperature, ["relativeHumidity"] = RelativeHumidity }
                : type == "temperature" ? new Hashtable { ["value"] = Temperature }
                : type == "touch" ? new Hashtable()
                : type == "objectPresent" ? new Hashtable { ["state"] = ObjectPresent == true ? "PRESENT" : "NOT_PRESENT" }
                : (IDictionary)new Hashtable { ["ppm"] = Co2 };
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStartObject();
                writer.WritePropertyName(type);
                WriteValue(writer, data, 0);
                writer.WriteEndObject();
            }

            return stream.ToArray();
        }

        /// <summary>Exactly one kind of event data; an -EventType needs -Data (an empty hashtable is fine).</summary>
        private void Check()
        {
            var given = new List<string>();
            if (Temperature != null || RelativeHumidity != null) given.Add("-Temperature/-RelativeHumidity");
            if (Touch) given.Add("-Touch");
            if (ObjectPresent != null) given.Add("-ObjectPresent");
            if (Co2 != null) given.Add("-Co2");
            if (EventType != null || Data != null) given.Add("-EventType/-Data");
            if (given.Count == 0) throw new ArgumentException("No event data: give -Temperature, -RelativeHumidity, -Touch, -ObjectPresent, -Co2, or -EventType with -Data.", "Data");
            if (given.Count > 1) throw new ArgumentException("One event per call: " + string.Join(" and ", given) + " were given together.", "Data");
            if (EventType != null && Data == null) throw new ArgumentException("-EventType needs -Data (the event's fields, e.g. @{ value = 21.5 }).", "Data");
            if (Data != null && string.IsNullOrWhiteSpace(EventType)) throw new ArgumentException("-Data needs -EventType (e.g. temperature, touch, objectPresent).", "EventType");
            if (string.Equals(EventType, "labelsChanged", StringComparison.Ordinal)) throw new ArgumentException("labelsChanged cannot be published: change labels with Set-IotLabel.", "EventType");
        }

        private static void WriteValue(Utf8JsonWriter writer, object? value, int depth)
        {
            if (depth > 16) throw new ArgumentException("-Data is nested too deeply.", "Data");
            switch (value)
            {
                case null: writer.WriteNullValue(); break;
                case string s: writer.WriteStringValue(s); break;
                case bool b: writer.WriteBooleanValue(b); break;
                case DateTimeOffset t: writer.WriteStringValue(t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)); break;
                case DateTime t: writer.WriteStringValue(t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)); break;
                case int or long or short or byte or sbyte or ushort or uint or ulong: writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture)); break;
                case float or double or decimal: writer.WriteNumberValue(Convert.ToDouble(value, CultureInfo.InvariantCulture)); break;
                case IDictionary map:
                    writer.WriteStartObject();
                    foreach (DictionaryEntry e in map)
                    {
                        writer.WritePropertyName(Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? string.Empty);
                        WriteValue(writer, e.Value, depth + 1);
                    }

                    writer.WriteEndObject();
                    break;
                case IEnumerable list:
                    writer.WriteStartArray();
                    foreach (var item in list.Cast<object?>()) WriteValue(writer, item, depth + 1);
                    writer.WriteEndArray();
                    break;
                default: writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
            }
        }
    }
}
