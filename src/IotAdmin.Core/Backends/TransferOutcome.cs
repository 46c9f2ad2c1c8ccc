using System.Collections.Generic;

namespace IotAdmin.Backends
{
    /// <summary>What a transfer call did: the devices that are now in the target, and the ones that failed.</summary>
    public sealed class TransferOutcome
    {
        public TransferOutcome(IReadOnlyList<string> transferredDeviceIds, IReadOnlyList<DeviceFailure> failures)
        {
            TransferredDeviceIds = transferredDeviceIds;
            Failures = failures;
        }

        public IReadOnlyList<string> TransferredDeviceIds { get; }

        public IReadOnlyList<DeviceFailure> Failures { get; }
    }
}
