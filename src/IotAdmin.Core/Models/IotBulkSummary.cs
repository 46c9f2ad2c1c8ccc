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
        internal static IotBulkSummary Of(string command, int succeeded, int failed, int skipped, int whatIf, Http.RequestCounters counters, TimeSpan elapsed) => new IotBulkSummary
        {
            Command = command,
            Succeeded = succeeded,
            Failed = failed,
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
            return string.Format(c, "{0}: {1} succeeded, {2} failed, {3} skipped; {4}", Command, Succeeded, Failed, Skipped, cost);
        }
    }
}
