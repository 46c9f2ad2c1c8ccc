using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Http;
using IotAdmin.Models;

namespace IotAdmin.Backends
{
    /// <summary>
    /// Onboarding on the wire: claim info and claims (dt-api-admin.md §8) and DT's hosted emulator API (dt-api.md
    /// "Emulator API"). Apart from <see cref="IIotBackend"/> because only DT offers it.
    /// </summary>
    internal interface IOnboardingBackend
    {
        /// <summary>What a kit or device id stands for; 404 (NOT_FOUND) for an unknown id.</summary>
        Task<IotClaimInfo> GetClaimInfoAsync(string identifier, ApiCallContext context, CancellationToken cancellationToken);

        /// <summary>One claim call (never resent blindly: a lost answer may hide a done claim); per-item failures come back in the answer.</summary>
        Task<ClaimAnswer> ClaimAsync(string projectId, IReadOnlyList<string> kitIds, IReadOnlyList<string> deviceIds, bool dryRun, ApiCallContext context, CancellationToken cancellationToken);

        Task<IotDevice> CreateEmulatedDeviceAsync(string projectId, string type, IReadOnlyDictionary<string, string> labels, ApiCallContext context, CancellationToken cancellationToken);

        Task DeleteEmulatedDeviceAsync(string projectId, string deviceId, ApiCallContext context, CancellationToken cancellationToken);

        /// <summary>Publishes one event: <paramref name="eventJson"/> is the whole body, {"&lt;eventType&gt;":{…}}.</summary>
        Task PublishAsync(string projectId, string deviceId, byte[] eventJson, ApiCallContext context, CancellationToken cancellationToken);
    }
}
