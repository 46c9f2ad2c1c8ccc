using System;
using System.Globalization;

namespace IotAdmin.Http
{
    /// <summary>
    /// The server's request budget per service account, and the client's share of it.
    /// DT allows 75 requests in any 10 s (a sliding window: after 75 requests in 1 s the server says "wait 9 s").
    /// The client models that rule itself — at most <see cref="ClientLimit"/> requests in any <see cref="ClientWindow"/> —
    /// less a small safety margin: <see cref="MarginRequests"/> for a request of another client or one still in flight,
    /// and <see cref="MarginTime"/> for the jitter between the client's clock and the server's arrival times.
    /// </summary>
    public sealed class RateLimitOptions
    {
        public const int DefaultRequestsPerWindow = 75;

        public static readonly TimeSpan DefaultWindow = TimeSpan.FromSeconds(10);

        public RateLimitOptions(int requestsPerWindow, TimeSpan window, int? marginRequests = null, TimeSpan? marginTime = null)
        {
            if (requestsPerWindow < 0) throw new ArgumentOutOfRangeException(nameof(requestsPerWindow), requestsPerWindow, "The request budget must be 0 (no client-side limit) or more.");
            if (window <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(window), window, "The rate-limit window must be longer than zero.");
            if (marginRequests < 0) throw new ArgumentOutOfRangeException(nameof(marginRequests), marginRequests, "The margin cannot be negative.");
            if (marginTime < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(marginTime), marginTime, "The margin cannot be negative.");
            RequestsPerWindow = requestsPerWindow;
            Window = window;
            MarginRequests = marginRequests ?? Math.Max(1, requestsPerWindow / 50);
            MarginTime = marginTime ?? TimeSpan.FromTicks(window.Ticks / 100);
        }

        public static RateLimitOptions Default => new RateLimitOptions(DefaultRequestsPerWindow, DefaultWindow);

        /// <summary>The server's budget: requests in any <see cref="Window"/>. 0 turns the client-side limiter off.</summary>
        public int RequestsPerWindow { get; }

        public TimeSpan Window { get; }

        /// <summary>Requests of the budget the client leaves unused (default 1 per 50, at least 1).</summary>
        public int MarginRequests { get; }

        /// <summary>Added to the window (default 1 % of it: 100 ms of 10 s).</summary>
        public TimeSpan MarginTime { get; }

        public bool Enabled => RequestsPerWindow > 0;

        /// <summary>Requests the client sends in any <see cref="ClientWindow"/> at most: a job of up to this many never waits.</summary>
        public int ClientLimit => Math.Max(1, RequestsPerWindow - MarginRequests);

        public TimeSpan ClientWindow => Window + MarginTime;

        /// <summary>The long-run rate of a job that never pauses: <see cref="ClientLimit"/> per <see cref="ClientWindow"/>.</summary>
        public double AverageRate => ClientLimit / ClientWindow.TotalSeconds;

        public override string ToString() => Enabled
            ? Output.CountText.Of(RequestsPerWindow, "request") + " per " + Seconds(Window) + " (client: " + ClientLimit + " per " + Seconds(ClientWindow) + ", " + AverageRate.ToString("0.##", CultureInfo.InvariantCulture) + "/s on average)"
            : "off";

        internal static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

        internal string Key => RequestsPerWindow + "/" + Window.Ticks + "/" + MarginRequests + "/" + MarginTime.Ticks;
    }
}
