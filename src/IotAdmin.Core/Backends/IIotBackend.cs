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

        /// <summary>One device; <paramref name="projectId"/> may be "-" (search every project the account can see).</summary>
        Task<IotDevice> GetDeviceAsync(string projectId, string deviceId, ApiCallContext context, CancellationToken cancellationToken);

        /// <summary>
        /// Adds (upserts) and removes labels on devices of one project in one call; returns the devices that failed.
        /// Idempotent, so the pipeline may resend it.
        /// </summary>
        Task<IReadOnlyList<DeviceFailure>> UpdateLabelsAsync(string projectId, IReadOnlyList<string> deviceIds, IReadOnlyDictionary<string, string> addLabels, IReadOnlyList<string> removeLabels, ApiCallContext context, CancellationToken cancellationToken);

        /// <summary>
        /// Moves devices of one source project into <paramref name="targetProjectId"/>. Not resent blindly on failure:
        /// the caller re-checks which devices arrived before it sends the rest again.
        /// </summary>
        Task<TransferOutcome> TransferAsync(string targetProjectId, string sourceProjectId, IReadOnlyList<string> deviceIds, bool mayRetry, ApiCallContext context, CancellationToken cancellationToken);
    }
}
