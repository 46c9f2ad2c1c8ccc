using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace IotAdmin.Validation
{
    /// <summary>
    /// A duration as people type it at the prompt: "6h", "30m", "90s", "2d", "1w", "1h30m" — or a TimeSpan's own text
    /// ("06:00:00", "1.00:00:00"). -Last and -Timeout take it.
    /// </summary>
    internal static class DurationArgument
    {
        private static readonly Regex Units = new Regex(@"^\s*(?:(\d+(?:\.\d+)?)\s*(w|d|h|m|s|ms))+\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        private static readonly Regex Part = new Regex(@"(\d+(?:\.\d+)?)\s*(ms|w|d|h|m|s)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        public static bool TryParse(string? text, out TimeSpan value)
        {
            value = TimeSpan.Zero;
            if (string.IsNullOrWhiteSpace(text)) return false;
            if (Units.IsMatch(text!))
            {
                foreach (Match m in Part.Matches(text!))
                {
                    var n = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                    switch (m.Groups[2].Value.ToLowerInvariant())
                    {
                        case "w": value += TimeSpan.FromDays(7 * n); break;
                        case "d": value += TimeSpan.FromDays(n); break;
                        case "h": value += TimeSpan.FromHours(n); break;
                        case "m": value += TimeSpan.FromMinutes(n); break;
                        case "s": value += TimeSpan.FromSeconds(n); break;
                        default: value += TimeSpan.FromMilliseconds(n); break;
                    }
                }

                return true;
            }

            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value);
        }
    }
}
