using System;

namespace IotAdmin.Operations.Bulk
{
    /// <summary>How a bulk command batches and reports.</summary>
    internal sealed class BulkOptions
    {
        /// <summary>The emulator's (and our assumed server) maximum devices per batchUpdate/transfer call.</summary>
        public const int MaxBatchSize = 1000;

        /// <summary>Devices per call (1–1000, default 1000: fewest requests).</summary>
        public int BatchSize { get; set; } = MaxBatchSize;

        /// <summary>Emit the changed device objects.</summary>
        public bool PassThru { get; set; }

        /// <summary>The command runs under -WhatIf: declined ShouldProcess calls count as "would change".</summary>
        public bool WhatIf { get; set; }

        /// <summary>How often a device that failed with a transient per-device status (INTERNAL, UNAVAILABLE, ABORTED) is sent again.</summary>
        public int ItemRetries { get; set; } = 2;

        public void Validate()
        {
            if (BatchSize < 1 || BatchSize > MaxBatchSize)
                throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "BatchSize must be between 1 and " + MaxBatchSize + ".");
            if (ItemRetries < 0) throw new ArgumentOutOfRangeException(nameof(ItemRetries), ItemRetries, "ItemRetries cannot be negative.");
        }
    }
}
