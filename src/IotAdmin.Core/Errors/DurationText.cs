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

        /// <summary>RFC 7231 §7.1.1.1: IMF-fixdate, then the obsolete RFC 850 and asctime forms a recipient must accept.</summary>
        private static readonly string[] HttpDateFormats =
        {
            "r",
            "dddd, dd-MMM-yy HH:mm:ss 'GMT'",
            "ddd MMM d HH:mm:ss yyyy",
            "ddd MMM  d HH:mm:ss yyyy",
        };

        /// <summary>
        /// A Retry-After header value (RFC 7231 §7.1.3): delta-seconds ("9"; a decimal such as "12.5" is rounded up to
        /// whole seconds, never down, so the server's floor holds) or an HTTP-date; the wait from <paramref name="now"/>.
        /// A date in the past means "now" (zero). Anything else is no hint (null): the caller falls back to its backoff.
        /// </summary>
        public static TimeSpan? ParseRetryAfter(string? value, DateTimeOffset now)
        {
            if (string.IsNullOrWhiteSpace(value)) return null;
            var v = value!.Trim();
            if (IsDeltaSeconds(v))
            {
                var seconds = Math.Ceiling(double.Parse(v, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));
                return TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.FromDays(1).TotalSeconds));
            }

            if (DateTimeOffset.TryParseExact(v, HttpDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
            {
                var wait = date - now;
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }

            return null;
        }

        /// <summary>Digits, optionally one decimal point and more digits: no sign, exponent, spaces or group separators.</summary>
        private static bool IsDeltaSeconds(string v)
        {
            var point = v.IndexOf('.');
            if (point == 0 || point == v.Length - 1 || v.Length > 12) return false;
            for (var i = 0; i < v.Length; i++)
                if (!(v[i] >= '0' && v[i] <= '9') && i != point) return false;
            return true;
        }
    }
}
