using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Errors;
using IotAdmin.Http;
using IotAdmin.Models;
using IotAdmin.Wire;

namespace IotAdmin.Backends
{
    /// <summary>
    /// A Cloud IoT Core v1-compatible API (google-iot-core.md §1) behind the same cmdlets: a registry is a project,
    /// device metadata are labels. Filters the API lacks (labels, type, text) are applied to each page as it arrives;
    /// label changes are a read-modify-write per device (PATCH updateMask=metadata) that re-reads and re-applies on
    /// ABORTED, so a concurrent change of another key is kept.
    /// </summary>
    internal sealed class GoogleBackend : IIotBackend
    {
        /// <summary>Cloud IoT Core's largest page.</summary>
        public const int MaxPageSize = 500;

        private const string DeviceFields = "metadata,blocked,lastEventTime,gatewayConfig";

        // Read-modify-writes of one device never overlap within this process (striped, so memory stays flat);
        // across processes the service's ABORTED answer makes the loser re-read.
        private static readonly SemaphoreSlim[] DeviceLocks = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

        private readonly ApiClient _api;
        private readonly string _cloudProject;
        private readonly string _parent;

        public GoogleBackend(ApiClient api, string cloudProject, string location)
        {
            _api = api;
            _cloudProject = cloudProject;
            _parent = "projects/" + cloudProject + "/locations/" + location;
        }

        public string Provider => Sessions.ProviderProfile.GoogleIotCoreName;

        public int MaxLabelsPerDevice => GoogleMetadataRules.MaxPairs;

        public string? CheckLabelChange(IReadOnlyDictionary<string, string> addLabels, IReadOnlyList<string> removeLabels) =>
            GoogleMetadataRules.CheckChange(addLabels, removeLabels);

        public IotApiException? TransferUnsupported(string destinationProjectId) => ErrorClassifier.NotSupported(
            "POST",
            _api.ApiRoot.AbsolutePath + _parent + "/registries/" + destinationProjectId + "/devices",
            "Cloud IoT Core has no API to move a device between registries.",
            "move it by hand: read the device (all fields), create it in the target registry, check it, then delete the source device; the copy gets a new numId, loses its config and state history, must be re-bound to gateways, and the physical device must be reconfigured with the new registry path");

        public async IAsyncEnumerable<IotOrganization> ListOrganizationsAsync(ApiCallContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            // The Google Cloud project plays the organization's part.
            await Task.CompletedTask.ConfigureAwait(false);
            yield return new IotOrganization { OrganizationId = _cloudProject, Name = "projects/" + _cloudProject, DisplayName = _cloudProject };
        }

        public async IAsyncEnumerable<IotProject> ListProjectsAsync(ProjectQuery query, ApiCallContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var registries = Pager.PagesAsync<RegistryPage, RegistryDto, IotProject>(
                _api, () => new ApiRequest(HttpMethod.Get, _parent + "/registries"), GoogleJsonContext.Default.RegistryPage, r => GoogleModelMapper.ToModel(r, _cloudProject), MaxPageSize, context, cancellationToken);
            await foreach (var registry in registries.ConfigureAwait(false))
                if (query.Query == null || registry.ProjectId.IndexOf(query.Query, StringComparison.OrdinalIgnoreCase) >= 0) yield return registry;
        }

        public async Task<IotProject> GetProjectAsync(string projectId, ApiCallContext context, CancellationToken cancellationToken)
        {
            var request = new ApiRequest(HttpMethod.Get, Registry(projectId)) { Target = projectId };
            return GoogleModelMapper.ToModel(await _api.SendAsync(request, GoogleJsonContext.Default.RegistryDto, context, cancellationToken).ConfigureAwait(false), _cloudProject);
        }

        public async IAsyncEnumerable<IotDevice> ListDevicesAsync(DeviceQuery query, ApiCallContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            if (query.ProductNumbers.Count > 0) throw new ArgumentException("Cloud IoT Core devices have no product numbers: -ProductNumber cannot be used with this provider.", "ProductNumber");
            if (query.OrderBy != null) throw new ArgumentException("Cloud IoT Core cannot sort listings: -OrderBy cannot be used with this provider (sort with Sort-Object).", "OrderBy");
            var registries = query.ProjectId == "-" ? await RegistryIdsAsync(context, cancellationToken).ConfigureAwait(false) : new List<string> { query.ProjectId };
            foreach (var registry in registries)
            {
                var devices = Pager.PagesAsync<GoogleDevicePage, GoogleDeviceDto, IotDevice>(
                    _api,
                    () => new ApiRequest(HttpMethod.Get, Registry(registry) + "/devices") { Target = registry }.Query("deviceIds", query.DeviceIds).Query("fieldMask", DeviceFields),
                    GoogleJsonContext.Default.GoogleDevicePage,
                    GoogleModelMapper.ToModel,
                    MaxPageSize,
                    context,
                    cancellationToken);
                await foreach (var device in devices.ConfigureAwait(false))
                    if (Matches(device, query)) yield return device;
            }
        }

        public IotApiException NotInListing(string projectId, string deviceId, string message) =>
            ErrorClassifier.NotInListing("GET", new ApiRequest(HttpMethod.Get, Registry(projectId) + "/devices").DisplayPath(_api.ApiRoot), message, "device '" + deviceId + "'", deviceId);

        public async Task<IotDevice> GetDeviceAsync(string projectId, string deviceId, ApiCallContext context, CancellationToken cancellationToken)
        {
            if (projectId != "-") return await GetAsync(projectId, deviceId, context, cancellationToken).ConfigureAwait(false);
            IotApiException? notFound = null;
            foreach (var registry in await RegistryIdsAsync(context, cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    return await GetAsync(registry, deviceId, context, cancellationToken).ConfigureAwait(false);
                }
                catch (IotApiException e) when (e.Status == CanonicalStatus.NotFound)
                {
                    notFound = e;
                }
            }

            // No registry at all: the registry listing is the request that found nothing.
            throw notFound ?? ErrorClassifier.NotInListing("GET", new ApiRequest(HttpMethod.Get, _parent + "/registries").DisplayPath(_api.ApiRoot), "device '" + deviceId + "' not found in any registry", "device '" + deviceId + "'", deviceId);
        }

        public async Task<IReadOnlyList<DeviceError>> UpdateLabelsAsync(string projectId, IReadOnlyList<string> deviceIds, IReadOnlyDictionary<string, string> addLabels, IReadOnlyList<string> removeLabels, ApiCallContext context, CancellationToken cancellationToken)
        {
            var errors = new List<DeviceError>();
            foreach (var deviceId in deviceIds)
            {
                try
                {
                    await ReadModifyWriteAsync(projectId, deviceId, addLabels, removeLabels, context, cancellationToken).ConfigureAwait(false);
                }
                catch (IotApiException e) when (!ErrorRules.EndsTheCommand(e))
                {
                    errors.Add(new DeviceError(deviceId, e)); // the GET or PATCH of this device that failed, as it was sent
                }
            }

            return errors;
        }

        public Task<IReadOnlyList<DeviceError>> TransferAsync(string targetProjectId, string sourceProjectId, IReadOnlyList<string> deviceIds, ApiCallContext context, CancellationToken cancellationToken) =>
            throw TransferUnsupported(targetProjectId)!;

        /// <summary>
        /// Reads the metadata, applies the change, writes it back; after ABORTED (a concurrent change) the session's
        /// retry strategy runs the whole read-modify-write again. Serialised per device within this process.
        /// </summary>
        private async Task ReadModifyWriteAsync(string registry, string deviceId, IReadOnlyDictionary<string, string> add, IReadOnlyList<string> remove, ApiCallContext context, CancellationToken cancellationToken)
        {
            var gate = DeviceLocks[(int)((uint)StringComparer.Ordinal.GetHashCode(_parent + "/" + registry + "/" + deviceId) % DeviceLocks.Length)];
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var scope = _api.Retries.Scope(context, _api.Retries.Options.MaxAttempts);
                scope.FailureOf = outcome => outcome.Exception is IotApiException e && e.Rule.Retry == RetryMode.ReRead ? e : null;
                scope.Then = _ => "reading the device again and re-applying the change";
                await _api.Retries.ExecuteAsync(scope, ct => ReadModifyWriteOnceAsync(registry, deviceId, add, remove, context, ct), cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        }

        private async Task<bool> ReadModifyWriteOnceAsync(string registry, string deviceId, IReadOnlyDictionary<string, string> add, IReadOnlyList<string> remove, ApiCallContext context, CancellationToken cancellationToken)
        {
            var device = await GetAsync(registry, deviceId, context, cancellationToken).ConfigureAwait(false);
            var metadata = new Dictionary<string, string>(device.Labels.ToDictionary(l => l.Key, l => l.Value), StringComparer.Ordinal);
            foreach (var pair in add) metadata[pair.Key] = pair.Value;
            foreach (var key in remove) metadata.Remove(key);
            if (metadata.Count == device.Labels.Count && metadata.All(m => device.Labels.TryGetValue(m.Key, out var v) && v == m.Value)) return false; // already so
            var request = new ApiRequest(new HttpMethod("PATCH"), Registry(registry) + "/devices/" + deviceId)
            {
                JsonBody = JsonSerializer.SerializeToUtf8Bytes(new MetadataPatch { Metadata = metadata }, GoogleJsonContext.Default.MetadataPatch),
                Target = deviceId,
                MayRetry = false, // a concurrent change must be re-read, not overwritten
            }.Query("updateMask", "metadata");
            var problem = GoogleMetadataRules.CheckResult(metadata);
            if (problem != null) throw ErrorClassifier.NotSent(request.Method.Method, request.DisplayPath(_api.ApiRoot), CanonicalStatus.InvalidArgument, problem, "device '" + deviceId + "'", deviceId);
            await _api.SendAsync(request, GoogleJsonContext.Default.GoogleDeviceDto, context, cancellationToken).ConfigureAwait(false);
            return true;
        }

        private async Task<IotDevice> GetAsync(string registry, string deviceId, ApiCallContext context, CancellationToken cancellationToken)
        {
            var request = new ApiRequest(HttpMethod.Get, Registry(registry) + "/devices/" + deviceId) { Target = deviceId };
            return GoogleModelMapper.ToModel(await _api.SendAsync(request, GoogleJsonContext.Default.GoogleDeviceDto, context, cancellationToken).ConfigureAwait(false));
        }

        private async Task<List<string>> RegistryIdsAsync(ApiCallContext context, CancellationToken cancellationToken)
        {
            var ids = new List<string>();
            await foreach (var r in ListProjectsAsync(new ProjectQuery(), context, cancellationToken).ConfigureAwait(false)) ids.Add(r.ProjectId);
            return ids;
        }

        private string Registry(string registryId) => _parent + "/registries/" + registryId;

        private static bool Matches(IotDevice device, DeviceQuery query) =>
            query.Labels.All(f => f.Value == null ? device.Labels.ContainsKey(f.Key) : device.Labels.TryGetValue(f.Key, out var v) && v == f.Value)
            && (query.DeviceTypes.Count == 0 || query.DeviceTypes.Contains(device.Type, StringComparer.OrdinalIgnoreCase))
            && (query.Query == null || device.DeviceId.IndexOf(query.Query, StringComparison.OrdinalIgnoreCase) >= 0
                || device.Labels.Any(l => l.Key.IndexOf(query.Query, StringComparison.OrdinalIgnoreCase) >= 0 || l.Value.IndexOf(query.Query, StringComparison.OrdinalIgnoreCase) >= 0));
    }
}
