namespace IotAdmin.Output
{
    /// <summary>A progress report, mapped one to one onto a PowerShell ProgressRecord.</summary>
    internal sealed class IotProgress
    {
        public IotProgress(int activityId, string activity, string status)
        {
            ActivityId = activityId;
            Activity = activity;
            Status = status;
        }

        public int ActivityId { get; }

        public string Activity { get; }

        public string Status { get; }

        /// <summary>0–100, or -1 when the total is unknown.</summary>
        public int PercentComplete { get; set; } = -1;

        public int SecondsRemaining { get; set; } = -1;

        public bool Completed { get; set; }
    }
}
