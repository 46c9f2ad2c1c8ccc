using System;

namespace IotAdmin.Models
{
    /// <summary>A data connector's pushes in the last 3 hours (dt-api-admin.md §5 :metrics).</summary>
    public sealed class IotDataConnectorMetric
    {
        public string ProjectId { get; internal set; } = string.Empty;

        public string DataConnectorId { get; internal set; } = string.Empty;

        public long SuccessCount { get; internal set; }

        /// <summary>Pushes answered with a non-2xx status or not answered.</summary>
        public long ErrorCount { get; internal set; }

        /// <summary>The 99th percentile of the push latency.</summary>
        public TimeSpan? Latency99p { get; internal set; }

        public override string ToString() => DataConnectorId + ": " + SuccessCount + " ok, " + ErrorCount + " failed";
    }
}
