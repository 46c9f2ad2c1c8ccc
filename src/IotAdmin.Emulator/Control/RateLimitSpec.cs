namespace IotAdmin.Emulator.Control;

/// <summary>POST /_emulator/ratelimit {"limit":25,"windowSeconds":5}.</summary>
internal sealed class RateLimitSpec
{
    public int Limit { get; set; } = -1;

    public double WindowSeconds { get; set; } = 10;
}
