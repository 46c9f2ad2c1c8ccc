using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace IotAdmin.Tests.Support
{
    /// <summary>
    /// A hand-written virtual clock (Microsoft.Extensions.TimeProvider.Testing is not in the registry): time moves only
    /// when a test advances it, firing due timers in order. Polly's delays, the rate limiter's replenishment and the
    /// session's time-outs all run on it, so retry waits of minutes take microseconds.
    /// </summary>
    public sealed class FakeTimeProvider : TimeProvider
    {
        private readonly object _lock = new object();
        private readonly List<FakeTimer> _timers = new List<FakeTimer>();
        private DateTimeOffset _now;

        public FakeTimeProvider(DateTimeOffset? start = null)
        {
            _now = start ?? new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
        }

        public override DateTimeOffset GetUtcNow()
        {
            lock (_lock) return _now;
        }

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => GetUtcNow().UtcTicks;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = new FakeTimer(this, callback, state);
            timer.Change(dueTime, period);
            return timer;
        }

        /// <summary>Moves time forward, firing every timer that falls due on the way, in order.</summary>
        public void Advance(TimeSpan by)
        {
            DateTimeOffset target;
            lock (_lock) target = _now + by;
            while (true)
            {
                FakeTimer? next;
                lock (_lock)
                {
                    next = _timers.Where(t => t.Due.HasValue && t.Due.Value <= target).OrderBy(t => t.Due!.Value).FirstOrDefault();
                    if (next == null)
                    {
                        _now = target;
                        return;
                    }

                    if (next.Due!.Value > _now) _now = next.Due.Value;
                    next.Due = next.Period > TimeSpan.Zero ? _now + next.Period : (DateTimeOffset?)null;
                }

                next.Fire();
            }
        }

        /// <summary>When the earliest pending timer falls due, if any.</summary>
        public DateTimeOffset? NextDue
        {
            get
            {
                lock (_lock) return _timers.Where(t => t.Due.HasValue).Select(t => t.Due).OrderBy(d => d).FirstOrDefault();
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
                if (due.HasValue) Advance(due.Value - GetUtcNow() + TimeSpan.FromTicks(1));
            }
        }

        private sealed class FakeTimer : ITimer
        {
            private readonly FakeTimeProvider _owner;
            private readonly TimerCallback _callback;
            private readonly object? _state;

            public FakeTimer(FakeTimeProvider owner, TimerCallback callback, object? state)
            {
                _owner = owner;
                _callback = callback;
                _state = state;
            }

            public DateTimeOffset? Due { get; set; }

            public TimeSpan Period { get; private set; }

            public bool Change(TimeSpan dueTime, TimeSpan period)
            {
                lock (_owner._lock)
                {
                    if (!_owner._timers.Contains(this)) _owner._timers.Add(this);
                    Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
                    Due = dueTime == Timeout.InfiniteTimeSpan ? (DateTimeOffset?)null : _owner._now + dueTime;
                }

                return true;
            }

            public void Fire() => _callback(_state);

            public void Dispose()
            {
                lock (_owner._lock) _owner._timers.Remove(this);
            }

            public ValueTask DisposeAsync()
            {
                Dispose();
                return default;
            }
        }
    }
}
