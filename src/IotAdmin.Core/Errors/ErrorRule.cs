using System;

namespace IotAdmin.Errors
{
    /// <summary>One row of the mapping table: what a canonical status means for the user and for retries.</summary>
    internal sealed class ErrorRule
    {
        public ErrorRule(string status, IotErrorCategory category, RetryMode retry, TimeSpan minimumWait, string action)
        {
            Status = status;
            Category = category;
            Retry = retry;
            MinimumWait = minimumWait;
            Action = action;
        }

        public string Status { get; }

        public IotErrorCategory Category { get; }

        public RetryMode Retry { get; }

        /// <summary>The least wait before a retry, whatever the server says (504: 10 s; most others: 1 s).</summary>
        public TimeSpan MinimumWait { get; }

        /// <summary>What to do when the failure is not (or no longer) retried, in words.</summary>
        public string Action { get; }

        /// <summary>The stable ErrorId of every error with this status: "IotApi" + the status in PascalCase.</summary>
        public string ErrorId => "IotApi" + ToPascal(Status);

        private static string ToPascal(string status)
        {
            var parts = status.Split('_');
            for (var i = 0; i < parts.Length; i++)
                parts[i] = parts[i].Length == 0 ? parts[i] : parts[i].Substring(0, 1) + parts[i].Substring(1).ToLowerInvariant();
            return string.Concat(parts);
        }
    }
}
