using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace IotAdmin.Tests.Support
{
    /// <summary>
    /// The maintained virtual clock (<see cref="Microsoft.Extensions.Time.Testing.FakeTimeProvider"/>) plus the one thing
    /// it lacks: driving an operation to completion by jumping to whichever timer it waits on next. Polly's delays, the
    /// rate limiter's replenishment and the session's time-outs all run on it, so retry waits of minutes take
    /// microseconds.
    /// </summary>
    public sealed class FakeTimeProvider : Microsoft.Extensions.Time.Testing.FakeTimeProvider
    {
        private readonly object _lock = new object();
        private readonly List<TrackedTimer> _timers = new List<TrackedTimer>();

        public FakeTimeProvider()
            : base(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero))
        {
        }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = new TrackedTimer(this, base.CreateTimer(callback, state, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
            timer.Change(dueTime, period);
            return timer;
        }

        /// <summary>When the earliest pending timer falls due, if any.</summary>
        public DateTimeOffset? NextDue
        {
            get
            {
                var now = GetUtcNow();
                lock (_lock)
                {
                    // A periodic timer that has fired moves on by whole periods.
                    return _timers.Select(t => t.NextDue(now)).Where(d => d.HasValue).OrderBy(d => d).FirstOrDefault();
                }
            }
        }

        /// <summary>
        /// Drives <paramref name="task"/> to completion: whenever it is waiting on a virtual timer, jump to that timer.
        /// Real time is bounded, so a test that hangs fails instead.
        /// </summary>
        public async Task<T> RunAsync<T>(Task<T> task, TimeSpan? realTimeLimit = null)
        {
            await DriveAsync(task, realTimeLimit).ConfigureAwait(false);
            return await task.ConfigureAwait(false);
        }

        public async Task RunAsync(Task task, TimeSpan? realTimeLimit = null)
        {
            await DriveAsync(task, realTimeLimit).ConfigureAwait(false);
            await task.ConfigureAwait(false);
        }

        private async Task DriveAsync(Task task, TimeSpan? realTimeLimit)
        {
            var deadline = DateTime.UtcNow + (realTimeLimit ?? TimeSpan.FromSeconds(20));
            while (!task.IsCompleted)
            {
                if (DateTime.UtcNow > deadline) throw new TimeoutException("The operation did not finish within the real-time limit.");
                // Let the operation reach its next wait before moving the clock.
                await Task.Delay(2).ConfigureAwait(false);
                if (task.IsCompleted) break;
                var due = NextDue;
                if (due.HasValue) Advance(due.Value > GetUtcNow() ? due.Value - GetUtcNow() : TimeSpan.Zero);
            }
        }

        /// <summary>Records when the package's timer is due, so <see cref="NextDue"/> can be answered.</summary>
        private sealed class TrackedTimer : ITimer
        {
            private readonly FakeTimeProvider _owner;
            private readonly ITimer _inner;
            private DateTimeOffset? _due;
            private TimeSpan _period;

            public TrackedTimer(FakeTimeProvider owner, ITimer inner)
            {
                _owner = owner;
                _inner = inner;
                lock (owner._lock) owner._timers.Add(this);
            }

            public DateTimeOffset? NextDue(DateTimeOffset now)
            {
                if (!_due.HasValue) return null;
                if (_due.Value > now) return _due;
                if (_period <= TimeSpan.Zero) return null; // a one-shot timer that has fired
                var periods = ((now - _due.Value).Ticks / _period.Ticks) + 1;
                return _due.Value + TimeSpan.FromTicks(periods * _period.Ticks);
            }

            public bool Change(TimeSpan dueTime, TimeSpan period)
            {
                lock (_owner._lock)
                {
                    _period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
                    _due = dueTime == Timeout.InfiniteTimeSpan ? (DateTimeOffset?)null : _owner.GetUtcNow() + dueTime;
                }

                return _inner.Change(dueTime, period);
            }

            public void Dispose()
            {
                lock (_owner._lock) _owner._timers.Remove(this);
                _inner.Dispose();
            }

            public ValueTask DisposeAsync()
            {
                Dispose();
                return default;
            }
        }
    }
}
