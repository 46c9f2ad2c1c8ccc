using System;
using System.Globalization;

namespace IotAdmin.Errors
{
    /// <summary>Parses the server's delay hints: protobuf Duration text ("30s", "1.5s") and Retry-After values.</summary>
    internal static class DurationText
    {
        /// <summary>"30s", "1.5s", "0.250s" → TimeSpan; null when it is not a non-negative duration.</summary>
        public static TimeSpan? ParseProtoDuration(string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            var t = text!.Trim();
            if (t.EndsWith("s", StringComparison.OrdinalIgnoreCase)) t = t.Substring(0, t.Length - 1);
            if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)) return null;
            if (double.IsNaN(seconds) || seconds < 0 || seconds > TimeSpan.MaxValue.TotalSeconds / 2) return null;
            return TimeSpan.FromSeconds(seconds);
        }

        /// <summary>
        /// A Retry-After header value: delta-seconds ("9") or an HTTP-date; the wait from <paramref name="now"/>.
        /// A date in the past means "now" (zero); garbage means no hint.
        /// </summary>
        public static TimeSpan? ParseRetryAfter(string? value, DateTimeOffset now)
        {
            if (string.IsNullOrWhiteSpace(value)) return null;
            var v = value!.Trim();
            if (long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
                return TimeSpan.FromSeconds(Math.Min(seconds, (long)TimeSpan.FromDays(1).TotalSeconds));
            if (DateTimeOffset.TryParseExact(v, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
                || DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date))
            {
                var wait = date - now;
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }

            return null;
        }
    }
}
