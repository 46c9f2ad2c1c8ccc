using System;

namespace IotAdmin.Http
{
    /// <summary>
    /// The budget learned from the real server ("adaptive" retry mode, as in the AWS SDKs): a 429 lowers it to 3/4
    /// (once per overload: answers to requests sent before the pause began do not count again); every client window
    /// without a 429 raises it by 1/10 of the configured budget — but for six windows after a 429 no higher than 85 %
    /// of the budget that drew it, so that a server with a smaller limit is not probed again at once.
    /// </summary>
    internal static class AdaptiveBudget
    {
        public const double DecreaseFactor = 0.75;
        public const double IncreaseShare = 0.1;
        public const double HoldShare = 0.85;
        public const int HoldWindows = 6;

        /// <summary>The budget in force: requests per client window (fractions accumulate between steps).</summary>
        public static double Current(RateWindowState s, RateLimitOptions o) => s.Budget > 0 ? Math.Min(s.Budget, o.ClientLimit) : o.ClientLimit;

        /// <summary>Whole requests per client window now.</summary>
        public static int Limit(RateWindowState s, RateLimitOptions o) => Math.Max(1, (int)Math.Floor(Current(s, o)));

        public static bool IsLowered(RateWindowState s, RateLimitOptions o) => Current(s, o) < o.ClientLimit;

        /// <summary>
        /// A server 429: pause the account for the server's hint (1 s without one), never longer than
        /// <paramref name="maxPause"/> (what the retry rules would wait), and lower the budget. True when it was lowered.
        /// </summary>
        public static bool OnThrottled(RateWindowState s, RateLimitOptions o, long now, TimeSpan? retryAfter, TimeSpan maxPause)
        {
            var asked = retryAfter ?? TimeSpan.FromSeconds(1);
            var pause = asked < maxPause ? asked : maxPause;
            var pausedBefore = s.PausedUntilTicks > now;
            if (now + pause.Ticks > s.PausedUntilTicks)
            {
                s.PausedUntilTicks = now + pause.Ticks;
                s.PauseAskedTicks = asked.Ticks;
            }

            s.LastThrottledTicks = now;
            if (pausedBefore) return false;
            var current = Current(s, o);
            s.ThrottledBudget = current;
            s.Budget = Math.Max(1, current * DecreaseFactor);
            s.LastBudgetChangeTicks = now;
            return true;
        }

        /// <summary>Raises the budget after a 429-free window. True when it changed.</summary>
        public static bool Refresh(RateWindowState s, RateLimitOptions o, long now)
        {
            if (!IsLowered(s, o))
            {
                s.Budget = s.ThrottledBudget = 0;
                return false;
            }

            var window = o.ClientWindow.Ticks;
            if (now - s.LastBudgetChangeTicks < window || now - s.LastThrottledTicks < window) return false;
            var current = Current(s, o);
            var next = current + Math.Max(1, o.ClientLimit * IncreaseShare);
            var ceiling = s.ThrottledBudget * HoldShare;
            if (next > ceiling && now - s.LastThrottledTicks < HoldWindows * window) next = Math.Max(current, ceiling);
            if (next <= current) return false;
            s.Budget = next >= o.ClientLimit ? 0 : next;
            if (s.Budget == 0) s.ThrottledBudget = 0;
            s.LastBudgetChangeTicks = now;
            return true;
        }
    }
}
