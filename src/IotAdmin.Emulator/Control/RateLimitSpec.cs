namespace IotAdmin.Emulator.Control;

/// <summary>POST /_emulator/ratelimit {"limit":25,"windowSeconds":5}.</summary>
internal sealed class RateLimitSpec
{
    public int Limit { get; set; } = -1;

    public double WindowSeconds { get; set; } = 10;

    /// <summary>Null when valid, else what is wrong.</summary>
    public string? Validate() =>
        Limit >= 0 && WindowSeconds > 0 && WindowSeconds <= 86_400 ? null : "the body must be {\"limit\":N (0 = off),\"windowSeconds\":S (0 < S <= 86400)}";
}
