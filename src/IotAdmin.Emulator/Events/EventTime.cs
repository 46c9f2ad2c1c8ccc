using System.Globalization;
using System.Text.RegularExpressions;

namespace IotAdmin.Emulator.Events;

/// <summary>The wire forms of time: RFC 3339 UTC with microseconds out, RFC 3339 with any offset in, Duration strings ("10s").</summary>
internal static partial class EventTime
{
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>An RFC 3339 timestamp (Z or an offset such as +02:00), or null when it is not one.</summary>
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || !Rfc3339().IsMatch(text)) return null;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : null;
    }

    /// <summary>A Duration: "10s", "1.5s" (protobuf JSON) and, for people, "500ms", "15m", "2h"; a bare number is seconds.</summary>
    public static TimeSpan? ParseDuration(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var m = DurationPattern().Match(text.Trim());
        if (!m.Success || !double.TryParse(m.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)) return null;
        var seconds = m.Groups[2].Value switch
        {
            "ms" => n / 1000,
            "m" => n * 60,
            "h" => n * 3600,
            _ => n,
        };
        return seconds > TimeSpan.MaxValue.TotalSeconds / 2 ? null : TimeSpan.FromSeconds(seconds);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)(ms|s|m|h)?$")]
    private static partial Regex DurationPattern();
}
