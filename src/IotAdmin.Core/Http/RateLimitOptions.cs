using System;

namespace IotAdmin.Http
{
    /// <summary>
    /// The server's request budget per service account, and how much of it the client uses.
    /// DT allows 75 requests in any 10 s (a sliding window: after 75 requests in 1 s the server says "wait 9 s").
    /// A token bucket stays inside such a window exactly when burst + rate × window ≤ limit; IotAdmin takes
    /// <see cref="Utilization"/> of the budget as the steady rate and the rest as burst, less slack for half a second
    /// of scheduling delay (a request that wakes late is sent closer to the next one than its slot says).
    /// </summary>
    public sealed class RateLimitOptions
    {
        public const int DefaultRequestsPerWindow = 75;

        public static readonly TimeSpan DefaultWindow = TimeSpan.FromSeconds(10);

        public RateLimitOptions(int requestsPerWindow, TimeSpan window, double utilization = 0.93)
        {
            if (requestsPerWindow < 0) throw new ArgumentOutOfRangeException(nameof(requestsPerWindow), requestsPerWindow, "The request budget must be 0 (no client-side limit) or more.");
            if (window <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(window), window, "The rate-limit window must be longer than zero.");
            if (utilization <= 0 || utilization > 1) throw new ArgumentOutOfRangeException(nameof(utilization), utilization, "Utilization must be in (0, 1].");
            RequestsPerWindow = requestsPerWindow;
            Window = window;
            Utilization = utilization;
        }

        public static RateLimitOptions Default => new RateLimitOptions(DefaultRequestsPerWindow, DefaultWindow);

        /// <summary>The server's budget: requests in any <see cref="Window"/>. 0 turns the client-side limiter off.</summary>
        public int RequestsPerWindow { get; }

        public TimeSpan Window { get; }

        /// <summary>The share of the budget used as the steady rate (default 0.93).</summary>
        public double Utilization { get; }

        public bool Enabled => RequestsPerWindow > 0;

        /// <summary>Steady requests per second the client allows itself.</summary>
        public double RequestsPerSecond => RequestsPerWindow * Utilization / Window.TotalSeconds;

        /// <summary>Requests the client may send at once after idling: what the window has left after the steady rate, less the slack.</summary>
        public int Burst => Math.Max(1, (int)Math.Floor(RequestsPerWindow - (RequestsPerSecond * Window.TotalSeconds) - Math.Max(1, RequestsPerSecond * 0.5)));

        public override string ToString() => Enabled
            ? Output.CountText.Of(RequestsPerWindow, "request") + " per " + Window.TotalSeconds + " s (client: " + RequestsPerSecond.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "/s, burst " + Burst + ")"
            : "off";

        internal string Key => RequestsPerWindow + "/" + Window.Ticks + "/" + Utilization.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
    }
}
