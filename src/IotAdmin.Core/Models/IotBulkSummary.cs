using System;
using System.Globalization;

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

        public double DevicesPerSecond => Elapsed.TotalSeconds > 0 ? Math.Round((Succeeded + Failed) / Elapsed.TotalSeconds, 1) : 0;

        public override string ToString()
        {
            var c = CultureInfo.InvariantCulture;
            var what = WhatIf > 0 ? string.Format(c, "{0} would change (WhatIf), ", WhatIf) : string.Empty;
            return string.Format(c, "{0}: {1}{2} succeeded, {3} failed, {4} skipped; {5} requests ({6} retried, {7} throttled) in {8:0.0} s",
                Command, what, Succeeded, Failed, Skipped, Requests, Retries, Throttled, Elapsed.TotalSeconds);
        }
    }
}
