using System;
using System.Globalization;
using IotAdmin.Output;

namespace IotAdmin.Models
{
    /// <summary>
    /// What a bulk command did, written to the Information stream at the end of every run (tags IotAdmin, Summary):
    /// the line a runbook log needs.
    /// </summary>
    public sealed class IotBulkSummary
    {
        public string Command { get; internal set; } = string.Empty;

        /// <summary>Devices the server changed, or found already in the wanted state.</summary>
        public int Succeeded { get; internal set; }

        public int Failed { get; internal set; }

        /// <summary>
        /// Devices never sent because the API had stopped answering (the run's circuit opened after a call ran out of
        /// retries); with Succeeded, Failed, Skipped and WhatIf, every device given to the command is counted.
        /// </summary>
        public int NotReached { get; internal set; }

        /// <summary>Devices declined at -Confirm (nothing was sent for them).</summary>
        public int Skipped { get; internal set; }

        /// <summary>Devices -WhatIf reported as "would change"; nothing was sent for them.</summary>
        public int WhatIf { get; internal set; }

        public int Requests { get; internal set; }

        public int Retries { get; internal set; }

        /// <summary>429 answers from the server (the client-side limiter aims for zero).</summary>
        public int Throttled { get; internal set; }

        public TimeSpan Elapsed { get; internal set; }

        /// <summary>The summary of a run: its outcome counts and what its requests cost.</summary>
        internal static IotBulkSummary Of(string command, int succeeded, int failed, int skipped, int whatIf, Http.RequestCounters counters, TimeSpan elapsed, int notReached = 0) => new IotBulkSummary
        {
            Command = command,
            Succeeded = succeeded,
            Failed = failed,
            NotReached = notReached,
            Skipped = skipped,
            WhatIf = whatIf,
            Requests = counters.Requests,
            Retries = counters.Retries,
            Throttled = counters.ServerThrottled,
            Elapsed = elapsed,
        };

        public double DevicesPerSecond => Elapsed.TotalSeconds > 0 ? Math.Round((Succeeded + Failed) / Elapsed.TotalSeconds, 1) : 0;

        /// <summary>
        /// The line a person reads: what changed and what it cost. Under -WhatIf it ends with "N would change" (nothing
        /// was sent, so nothing succeeded).
        /// </summary>
        public override string ToString()
        {
            var c = CultureInfo.InvariantCulture;
            var cost = string.Format(c, "{0} ({1} retried, {2} throttled) in {3:0.0} s", CountText.Of(Requests, "request"), Retries, Throttled, Elapsed.TotalSeconds);
            if (WhatIf > 0 && Succeeded == 0)
                return string.Format(c, "{0}: {1} failed, {2} skipped; {3}; {4} would change", Command, Failed, Skipped, cost, WhatIf);
            var notReached = NotReached > 0 ? string.Format(c, ", {0} not reached", NotReached) : string.Empty;
            return string.Format(c, "{0}: {1} succeeded, {2} failed{3}, {4} skipped; {5}", Command, Succeeded, Failed, notReached, Skipped, cost);
        }
    }
}
