namespace IotAdmin.Models
{
    /// <summary>
    /// One claimed (or, under -WhatIf, claimable) kit or device, written by Register-IotDevice. Failures are not
    /// results: they are non-terminating errors with the id as target.
    /// </summary>
    public sealed class IotClaimResult
    {
        /// <summary>The kit or device id as given.</summary>
        public string Id { get; internal set; } = string.Empty;

        /// <summary>"Kit" or "Device".</summary>
        public string Kind { get; internal set; } = string.Empty;

        public string ProjectId { get; internal set; } = string.Empty;

        /// <summary>Claimed, AlreadyInProject (claimed before into this project: a re-run), or WouldClaim (-WhatIf's dry run).</summary>
        public string Outcome { get; internal set; } = string.Empty;

        /// <summary>True when this came from the server's dry run (nothing was claimed).</summary>
        public bool DryRun { get; internal set; }

        /// <summary>The device's type (temperature, ccon, …) from the claim answer; null for a kit or when not known.</summary>
        public string? DeviceType { get; internal set; }

        public override string ToString() => Kind + " " + Id + ": " + Outcome;
    }
}
