using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace IotAdmin.Validation
{
    /// <summary>
    /// The checks made before any request is sent, each with a message that names the bad value and the rule.
    /// Label rules match the emulator's documented rules (docs/emulator.md); DT publishes none stricter.
    /// </summary>
    internal static class InputRules
    {
        public const int MaxLabelKeyLength = 128;
        public const int MaxLabelValueLength = 256;
        public const int MaxLabelsPerDevice = 50;

        // \A…\z, never ^…$: in .NET, $ also matches before a final line feed, so "p1\n" would pass.
        private static readonly Regex IdPattern = new Regex(@"\A[A-Za-z0-9][A-Za-z0-9_-]{0,127}\z", RegexOptions.CultureInvariant);
        private static readonly Regex OrderByPattern = new Regex(@"\A-?[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_-]+)*\z", RegexOptions.CultureInvariant);

        /// <summary>Null when <paramref name="id"/> is a usable project/device/organization id, else why not.</summary>
        public static string? CheckId(string kind, string? id)
        {
            if (string.IsNullOrWhiteSpace(id)) return kind + " id is empty.";
            return IdPattern.IsMatch(id!) ? null : kind + " id '" + Shorten(id!) + "' is not valid: use letters, digits, '-' and '_' only (e.g. c0pppd1qdqebrvv1iqp0), at most 128 characters.";
        }

        public static string? CheckLabelKey(string? key)
        {
            if (string.IsNullOrEmpty(key)) return "A label name is empty.";
            if (key!.Length > MaxLabelKeyLength) return "Label name '" + Shorten(key) + "' is longer than " + MaxLabelKeyLength + " characters.";
            foreach (var c in key)
            {
                if (char.IsWhiteSpace(c) || char.IsControl(c)) return "Label name '" + Shorten(key) + "' contains white space or a control character.";
                if (c == '=') return "Label name '" + Shorten(key) + "' contains '=', which label filters use as the separator.";
            }

            return null;
        }

        public static string? CheckLabelValue(string key, string? value)
        {
            if (value == null) return "Label '" + Shorten(key) + "' has a null value: to remove a label, use Remove-IotLabel.";
            if (value.Length > MaxLabelValueLength) return "The value of label '" + Shorten(key) + "' is longer than " + MaxLabelValueLength + " characters.";
            foreach (var c in value)
                if (char.IsControl(c)) return "The value of label '" + Shorten(key) + "' contains a control character.";
            return null;
        }

        public static string? CheckOrderBy(string? orderBy) =>
            orderBy == null || OrderByPattern.IsMatch(orderBy) ? null : "OrderBy '" + Shorten(orderBy) + "' is not a field path such as 'labels.name', 'reported.temperature.value' or '-id'.";

        public static string? CheckPlainToken(string kind, string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) return kind + " is empty.";
            foreach (var c in value!)
                if (char.IsWhiteSpace(c) || char.IsControl(c)) return kind + " '" + Shorten(value) + "' contains white space.";
            return null;
        }

        /// <summary>Throws <see cref="ArgumentException"/> with the first problem, naming <paramref name="parameter"/>.</summary>
        public static void Require(string? problem, string parameter)
        {
            if (problem != null) throw new ArgumentException(problem, parameter);
        }

        /// <summary>
        /// Accepts "d", "projects/p/devices/d" or "p/d"-free plain ids and returns (projectId or null, deviceId).
        /// </summary>
        public static KeyValuePair<string?, string> SplitDeviceReference(string reference)
        {
            var parts = reference.Trim().Split('/');
            if (parts.Length == 4 && parts[0] == "projects" && parts[2] == "devices") return new KeyValuePair<string?, string>(parts[1], parts[3]);
            return new KeyValuePair<string?, string>(null, reference.Trim());
        }

        private static string Shorten(string s) => s.Length <= 60 ? s : s.Substring(0, 57) + "...";
    }
}
