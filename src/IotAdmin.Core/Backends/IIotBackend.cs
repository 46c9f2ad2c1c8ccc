using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Http;
using IotAdmin.Models;

namespace IotAdmin.Backends
{
    /// <summary>
    /// What a session can do with an API, whatever the provider. Listings stream page by page: the first object
    /// comes out after one round trip and memory stays flat however large the fleet.
    /// </summary>
    internal interface IIotBackend
    {
        /// <summary>"DisruptiveTechnologies" or "GoogleIotCore".</summary>
        string Provider { get; }

        /// <summary>How many labels one device can hold.</summary>
        int MaxLabelsPerDevice { get; }

        /// <summary>This API's own rules for a label change, checked before any request; null when it is fine.</summary>
        string? CheckLabelChange(IReadOnlyDictionary<string, string> addLabels, IReadOnlyList<string> removeLabels);

        /// <summary>Null when devices can move between projects; else the error that says why not and what to do.</summary>
        IotApiException? TransferUnsupported(string destinationProjectId);

        IAsyncEnumerable<IotOrganization> ListOrganizationsAsync(ApiCallContext context, CancellationToken cancellationToken);

        IAsyncEnumerable<IotProject> ListProjectsAsync(ProjectQuery query, ApiCallContext context, CancellationToken cancellationToken);

        Task<IotProject> GetProjectAsync(string projectId, ApiCallContext context, CancellationToken cancellationToken);

        IAsyncEnumerable<IotDevice> ListDevicesAsync(DeviceQuery query, ApiCallContext context, CancellationToken cancellationToken);

        /// <summary>The NOT_FOUND error for an id a filtered listing of <paramref name="projectId"/> did not return, naming that listing's request.</summary>
        IotApiException NotInListing(string projectId, string deviceId, string message);

        /// <summary>One device; <paramref name="projectId"/> may be "-" (search every project the account can see).</summary>
        Task<IotDevice> GetDeviceAsync(string projectId, string deviceId, ApiCallContext context, CancellationToken cancellationToken);

        /// <summary>
        /// Adds (upserts) and removes labels on devices of one project; returns the devices that failed, each with the
        /// error of the request that was really made. Idempotent, so a failed device may be sent again.
        /// </summary>
        Task<IReadOnlyList<DeviceError>> UpdateLabelsAsync(string projectId, IReadOnlyList<string> deviceIds, IReadOnlyDictionary<string, string> addLabels, IReadOnlyList<string> removeLabels, ApiCallContext context, CancellationToken cancellationToken);

        /// <summary>
        /// Moves devices of one source project into <paramref name="targetProjectId"/> in one call that is never resent
        /// blindly (the caller re-checks which devices arrived); returns the devices that failed. A failure of the whole
        /// call throws; a missing target project says so in its recommended action.
        /// </summary>
        Task<IReadOnlyList<DeviceError>> TransferAsync(string targetProjectId, string sourceProjectId, IReadOnlyList<string> deviceIds, ApiCallContext context, CancellationToken cancellationToken);
    }
}
