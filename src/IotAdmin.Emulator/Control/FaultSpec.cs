using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace IotAdmin.Emulator.Control;

/// <summary>A scripted failure: POST /_emulator/faults {"method","path","status","count","retryAfter","style","body","kind","delayMs"}.</summary>
internal sealed class FaultSpec
{
    public string Method { get; set; } = "*";

    /// <summary>A glob over the request path, '*' matching any run of characters ("/v2/projects/*/devices*").</summary>
    public string Path { get; set; } = "*";

    public int Status { get; set; } = 503;

    public int Count { get; set; } = 1;

    public int? RetryAfter { get; set; }

    /// <summary>"dt" or "google": overrides the emulator's error style for this fault.</summary>
    public string? Style { get; set; }

    /// <summary>Raw text to send instead of a JSON error (HTML from a proxy, garbage).</summary>
    public string? Body { get; set; }

    /// <summary>
    /// "status" (default), "reset" (drop the connection, nothing done), "delay" (answer normally after delayMs),
    /// "lost" (do the work, then drop the connection: the answer is lost, the change is not).
    /// </summary>
    public string Kind { get; set; } = "status";

    public int DelayMs { get; set; }

    /// <summary>The canonical status to name (e.g. FAILED_PRECONDITION for a 400); default from the HTTP status.</summary>
    public string? Canonical { get; set; }

    public string? Message { get; set; }

    [JsonIgnore]
    public int Remaining { get; set; }

    public bool Matches(string method, string path) =>
        (Method == "*" || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && Regex.IsMatch(path, "^" + Regex.Escape(Path).Replace("\\*", ".*") + "$");

    public string? Validate()
    {
        if (Kind is not ("status" or "reset" or "delay" or "lost")) return "kind must be status, reset, delay or lost";
        if (Kind == "status" && Status is < 400 or > 599) return "status must be from 400 to 599";
        if (Count < 1) return "count must be at least 1";
        if (Style is not (null or "dt" or "google")) return "style must be dt or google";
        if (Kind == "delay" && DelayMs < 1) return "a delay fault needs delayMs";
        return null;
    }
}
