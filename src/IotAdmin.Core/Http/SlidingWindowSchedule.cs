using System;

namespace IotAdmin.Http
{
    /// <summary>
    /// The sliding-window rule on <see cref="RateWindowState"/>: a request is granted at the earliest time at which the
    /// client window holds fewer than the budget's requests — after any server pause and after every request reserved
    /// before it (first come, first served). While the budget is lowered after a 429, grants are also spaced evenly
    /// (window / budget apart): the server's own window is then unknown, and even spacing fits any window shape at the
    /// same average rate. At the configured budget requests go out in bursts, so a short job is never delayed.
    /// </summary>
    internal static class SlidingWindowSchedule
    {
        public static Reservation Reserve(RateWindowState s, RateLimitOptions o, long now, int permits, long id, bool onlyIfImmediate)
        {
            var window = o.ClientWindow.Ticks;
            s.Slots.RemoveAll(slot => slot.Ticks <= now - window);
            var raised = AdaptiveBudget.Refresh(s, o, now);
            var limit = AdaptiveBudget.Limit(s, o);
            if (permits > limit) throw new ArgumentOutOfRangeException(nameof(permits), permits, "At most " + limit + " permits can be acquired at once.");
            var at = now;
            var reason = WaitReason.None;
            void NotBefore(long ticks, WaitReason why)
            {
                if (ticks <= at) return;
                at = ticks;
                reason = why;
            }

            NotBefore(s.PausedUntilTicks, WaitReason.Paused);
            var n = s.Slots.Count;
            if (n > 0) NotBefore(s.Slots[n - 1].Ticks, WaitReason.WindowFull);
            // The (limit - permits + 1)-th most recent request must have left the window.
            var oldest = n + permits - limit - 1;
            if (oldest >= 0) NotBefore(s.Slots[oldest].Ticks + window, WaitReason.WindowFull);
            if (n > 0 && AdaptiveBudget.IsLowered(s, o)) NotBefore(s.Slots[n - 1].Ticks + (window / limit), WaitReason.Paced);
            var reservation = new Reservation(at, reason, id, limit, s.PauseAskedTicks, raised);
            if (onlyIfImmediate && at > now) return reservation.Refused();
            for (var i = 0; i < permits; i++) s.Slots.Add(new RateWindowState.Slot(at, id));
            return reservation;
        }

        /// <summary>A waiter gave up: its reserved slots are free again.</summary>
        public static int Release(RateWindowState s, long id) => s.Slots.RemoveAll(slot => slot.Id == id);

        /// <summary>Permits available now, as STRL statistics report them.</summary>
        public static int Available(RateWindowState s, RateLimitOptions o, long now)
        {
            var window = o.ClientWindow.Ticks;
            var inWindow = s.Slots.FindAll(slot => slot.Ticks > now - window).Count;
            return s.PausedUntilTicks > now ? 0 : Math.Max(0, AdaptiveBudget.Limit(s, o) - inWindow);
        }
    }
}
