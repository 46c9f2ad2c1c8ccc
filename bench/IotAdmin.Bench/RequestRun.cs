using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Http;
using IotAdmin.Operations;
using IotAdmin.Sessions;

namespace IotAdmin.Bench
{
    /// <summary>Sequential single requests (GET one project) with the time each one completed and whether it met a 429.</summary>
    internal sealed class RequestRun
    {
        public List<DateTimeOffset> Completed { get; } = new List<DateTimeOffset>();

        public List<DateTimeOffset> Throttled { get; } = new List<DateTimeOffset>();

        public DateTimeOffset Started { get; private set; }

        public ApiCallContext Context { get; } = new ApiCallContext(new CountingOutput());

        public int Errors { get; private set; }

        /// <summary>Sends until <paramref name="count"/> requests completed or <paramref name="duration"/> passed.</summary>
        public async Task RunAsync(IotSession session, string projectId, int count, TimeSpan? duration = null)
        {
            Started = DateTimeOffset.UtcNow;
            var clock = Stopwatch.StartNew();
            var ids = new[] { projectId };
            var output = new CountingOutput();
            while (Completed.Count < count && (!duration.HasValue || clock.Elapsed < duration.Value))
            {
                var throttledBefore = Context.Counters.ServerThrottled;
                await GetProjectOperation.RunAsync(session, ids, null, null, output, Context, CancellationToken.None);
                if (Context.Counters.ServerThrottled > throttledBefore) Throttled.Add(DateTimeOffset.UtcNow);
                Completed.Add(DateTimeOffset.UtcNow);
            }

            Errors = output.Errors;
        }

        /// <summary>Requests per second from the start to the last completion.</summary>
        public double Rate => Completed.Count / (Completed.Last() - Started).TotalSeconds;

        /// <summary>Completions per second in [from, to).</summary>
        public double RateBetween(DateTimeOffset from, DateTimeOffset to) => Completed.Count(t => t >= from && t < to) / (to - from).TotalSeconds;

        /// <summary>The first moment after <paramref name="from"/> at which the trailing <paramref name="window"/> held at least <paramref name="requests"/> completions.</summary>
        public DateTimeOffset? FirstFullWindow(DateTimeOffset from, TimeSpan window, double requests)
        {
            var times = Completed.Where(t => t >= from).ToList();
            var start = 0;
            for (var end = 0; end < times.Count; end++)
            {
                while (times[end] - times[start] > window) start++;
                if (end - start + 1 >= requests && times[end] - from >= window) return times[end];
            }

            return null;
        }
    }
}
