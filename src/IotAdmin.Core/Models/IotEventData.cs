using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace IotAdmin.Models
{
    /// <summary>
    /// An event's data as plain values (string, long, double, bool, null, lists and nested data), keyed as the server
    /// sent them (value, samples, updateTime …). ToString() is compact JSON, so a CSV column keeps every field.
    /// </summary>
    public sealed class IotEventData : Dictionary<string, object?>
    {
        private string? _json;

        public IotEventData()
            : base(StringComparer.Ordinal)
        {
        }

        internal static IotEventData From(JsonElement element)
        {
            var data = new IotEventData();
            if (element.ValueKind != JsonValueKind.Object) return data;
            foreach (var property in element.EnumerateObject()) data[property.Name] = Plain(property.Value);
            data._json = element.GetRawText();
            return data;
        }

        public override string ToString() => _json ?? "{}";

        /// <summary>A copy without <paramref name="key"/>, its JSON rebuilt from what is left (so the removed value is in neither).</summary>
        internal IotEventData Without(string key)
        {
            var copy = new IotEventData();
            foreach (var pair in this)
                if (!string.Equals(pair.Key, key, StringComparison.Ordinal)) copy[pair.Key] = pair.Value;
            copy._json = ToJson(copy);
            return copy;
        }

        private static string ToJson(object? value)
        {
            switch (value)
            {
                case null:
                    return "null";
                case IotEventData data:
                    return data._json ?? "{" + string.Join(",", data.Select(p => JsonSerializer.Serialize(p.Key, Wire.EventJsonContext.Default.String) + ":" + ToJson(p.Value))) + "}";
                case string text:
                    return JsonSerializer.Serialize(text, Wire.EventJsonContext.Default.String);
                case bool flag:
                    return flag ? "true" : "false";
                case long whole:
                    return whole.ToString(System.Globalization.CultureInfo.InvariantCulture);
                case double real:
                    return real.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
                case List<object?> list:
                    return "[" + string.Join(",", list.Select(ToJson)) + "]";
                default:
                    return "null";
            }
        }

        private static object? Plain(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    return From(e);
                case JsonValueKind.Array:
                    var list = new List<object?>();
                    foreach (var item in e.EnumerateArray()) list.Add(Plain(item));
                    return list;
                case JsonValueKind.String:
                    return e.GetString();
                case JsonValueKind.Number:
                    return e.TryGetInt64(out var whole) ? (object)whole : e.GetDouble();
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                default:
                    return null;
            }
        }
    }
}
