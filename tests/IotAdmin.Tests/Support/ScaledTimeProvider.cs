using System;
using System.Diagnostics;
using System.Threading;

namespace IotAdmin.Tests.Support
{
    /// <summary>
    /// A clock that runs <see cref="Scale"/> times faster than real time, shared by the emulator and the client in
    /// end-to-end tests: a 1 s backoff takes 10 ms at scale 100, a 120 s token lifetime 1.2 s — while real HTTP runs
    /// at its own pace. (A stepped fake clock cannot drive real sockets: it would fire request time-outs early.)
    /// </summary>
    public sealed class ScaledTimeProvider : TimeProvider
    {
        private readonly DateTimeOffset _start = DateTimeOffset.UtcNow; // starts at real time, so JWTs signed on another clock stay valid
        private readonly long _realStart = Stopwatch.GetTimestamp();

        public ScaledTimeProvider(double scale)
        {
            Scale = scale;
        }

        public double Scale { get; }

        public override DateTimeOffset GetUtcNow() => _start + TimeSpan.FromTicks((long)(RealElapsed.Ticks * Scale));

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => GetUtcNow().UtcTicks;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            new ScaledTimer(new Timer(callback, state, ToReal(dueTime), ToReal(period)), this);

        private TimeSpan RealElapsed => TimeSpan.FromTicks((long)((Stopwatch.GetTimestamp() - _realStart) * ((double)TimeSpan.TicksPerSecond / Stopwatch.Frequency)));

        private TimeSpan ToReal(TimeSpan virtualSpan) =>
            virtualSpan == Timeout.InfiniteTimeSpan ? virtualSpan : TimeSpan.FromTicks((long)(virtualSpan.Ticks / Scale));

        private sealed class ScaledTimer : ITimer
        {
            private readonly Timer _timer;
            private readonly ScaledTimeProvider _owner;

            public ScaledTimer(Timer timer, ScaledTimeProvider owner)
            {
                _timer = timer;
                _owner = owner;
            }

            public bool Change(TimeSpan dueTime, TimeSpan period) => _timer.Change(_owner.ToReal(dueTime), _owner.ToReal(period));

            public void Dispose() => _timer.Dispose();

            public global::System.Threading.Tasks.ValueTask DisposeAsync() => _timer.DisposeAsync();
        }
    }
}
