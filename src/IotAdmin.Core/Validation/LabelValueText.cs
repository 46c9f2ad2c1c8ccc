using System;
using System.Globalization;

namespace IotAdmin.Validation
{
    /// <summary>
    /// The one rule for what may be a label value (Set-IotLabel -Label, Get-IotDevice -Label): label values are text,
    /// so a string (or a char) passes as it is; a number becomes its invariant text ("3", "2.5", never "2,5") and a
    /// boolean "true" or "false"; everything else is refused before any request — arrays and other collections,
    /// dictionaries, byte arrays, script blocks, custom objects and dates (whose text depends on the culture and the
    /// time zone: pass the text you mean, e.g. $d.ToString('yyyy-MM-dd')). The cmdlet layer unwraps PSObject first,
    /// so what arrives here is the base object.
    /// </summary>
    internal static class LabelValueText
    {
        /// <summary>The value as label text, or null with <paramref name="problem"/> saying why it cannot be one.</summary>
        public static string? ToText(string key, object value, out string? problem)
        {
            problem = null;
            switch (value)
            {
                case string s:
                    return s;
                case char c:
                    return c.ToString();
                case bool b:
                    return b ? "true" : "false";
                case double d:
                    return Finite(key, d, d.ToString("R", CultureInfo.InvariantCulture), out problem);
                case float f:
                    return Finite(key, f, f.ToString("R", CultureInfo.InvariantCulture), out problem);
                case sbyte _:
                case byte _:
                case short _:
                case ushort _:
                case int _:
                case uint _:
                case long _:
                case ulong _:
                case decimal _:
                case System.Numerics.BigInteger _:
                    return Convert.ToString(value, CultureInfo.InvariantCulture);
                case DateTime _:
                case DateTimeOffset _:
                    problem = "The value of label '" + key + "' is a date: label values are text, and a date's text depends on the culture and time zone. Pass the text you mean, e.g. $date.ToString('yyyy-MM-dd') or $date.ToUniversalTime().ToString('o').";
                    return null;
                default:
                    problem = "The value of label '" + key + "' is " + Describe(value) + ": a label value is one string (numbers and $true/$false become text). Join several values yourself, e.g. ('a','b') -join ',', or set one label per value.";
                    return null;
            }
        }

        private static string? Finite(string key, double d, string text, out string? problem)
        {
            problem = double.IsNaN(d) || double.IsInfinity(d) ? "The value of label '" + key + "' is " + text + ", which is not a number a label can hold." : null;
            return problem == null ? text : null;
        }

        /// <summary>"an array (System.Object[])", "a dictionary (System.Collections.Hashtable)", …: what the user passed, in words.</summary>
        private static string Describe(object value)
        {
            var type = value.GetType();
            string kind;
            if (value is byte[]) kind = "a byte array";
            else if (type.IsArray) kind = "an array";
            else if (value is System.Collections.IDictionary) kind = "a dictionary";
            else if (value is System.Collections.IEnumerable) kind = "a collection";
            else if (type.FullName == "System.Management.Automation.ScriptBlock") kind = "a script block";
            else kind = "an object";
            return kind + " (" + type.FullName + ")";
        }
    }
}
