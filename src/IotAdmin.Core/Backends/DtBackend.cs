using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Errors;
using IotAdmin.Http;
using IotAdmin.Models;
using IotAdmin.Wire;

namespace IotAdmin.Backends
{
    /// <summary>The Disruptive Technologies REST API v2 (dt-api.md).</summary>
    internal sealed class DtBackend : IIotBackend
    {
        private readonly ApiClient _api;

        public DtBackend(ApiClient api)
        {
            _api = api;
        }

        public string Provider => Sessions.ProviderProfile.DisruptiveTechnologiesName;

        public int MaxLabelsPerDevice => Validation.InputRules.MaxLabelsPerDevice;

        // DT publishes no rules beyond the ones InputRules checks for every provider.
        public string? CheckLabelChange(IReadOnlyDictionary<string, string> addLabels, IReadOnlyList<string> removeLabels) => null;

        public IotApiException? TransferUnsupported(string destinationProjectId) => null;

        public IAsyncEnumerable<IotOrganization> ListOrganizationsAsync(ApiCallContext context, CancellationToken cancellationToken) =>
            Pager.PagesAsync<OrganizationPage, OrganizationDto, IotOrganization>(_api, () => new ApiRequest(HttpMethod.Get, "organizations"), WireJsonContext.Default.OrganizationPage, DtModelMapper.ToModel, 100, context, cancellationToken);

        public IAsyncEnumerable<IotProject> ListProjectsAsync(ProjectQuery query, ApiCallContext context, CancellationToken cancellationToken) =>
            Pager.PagesAsync<ProjectPage, ProjectDto, IotProject>(
                _api,
                () => new ApiRequest(HttpMethod.Get, "projects")
                    .Query("organization", query.OrganizationId == null ? null : "organizations/" + query.OrganizationId)
                    .Query("query", query.Query),
                WireJsonContext.Default.ProjectPage,
                DtModelMapper.ToModel,
                query.PageSize,
                context,
                cancellationToken);

        public async Task<IotProject> GetProjectAsync(string projectId, ApiCallContext context, CancellationToken cancellationToken)
        {
            var request = new ApiRequest(HttpMethod.Get, ResourceName.Project(projectId)) { Target = projectId };
            var dto = await _api.SendAsync(request, WireJsonContext.Default.ProjectDto, context, cancellationToken).ConfigureAwait(false);
            return DtModelMapper.ToModel(dto);
        }

        public IAsyncEnumerable<IotDevice> ListDevicesAsync(DeviceQuery query, ApiCallContext context, CancellationToken cancellationToken) =>
            Pager.PagesAsync<DevicePage, DeviceDto, IotDevice>(
                _api,
                () =>
                {
                    var request = new ApiRequest(HttpMethod.Get, ResourceName.Project(query.ProjectId) + "/devices") { Target = query.ProjectId };
                    if (query.ProjectId == "-") request.Query("organization", query.OrganizationId == null ? null : "organizations/" + query.OrganizationId);
                    return request.Query("device_ids", query.DeviceIds)
                        .Query("device_types", query.DeviceTypes)
                        .Query("product_numbers", query.ProductNumbers)
                        .Query("label_filters", query.Labels.Select(l => l.Value == null ? l.Key : l.Key + "=" + l.Value))
                        .Query("query", query.Query)
                        .Query("order_by", query.OrderBy);
                },
                WireJsonContext.Default.DevicePage,
                DtModelMapper.ToModel,
                query.PageSize,
                context,
                cancellationToken);

        public IotApiException NotInListing(string projectId, string deviceId, string message) =>
            ErrorClassifier.NotInListing("GET", new ApiRequest(HttpMethod.Get, ResourceName.Project(projectId) + "/devices").DisplayPath(_api.ApiRoot), message, "device '" + deviceId + "'", deviceId);

        public async Task<IotDevice> GetDeviceAsync(string projectId, string deviceId, ApiCallContext context, CancellationToken cancellationToken)
        {
            var request = new ApiRequest(HttpMethod.Get, ResourceName.Device(projectId, deviceId)) { Target = deviceId };
            var dto = await _api.SendAsync(request, WireJsonContext.Default.DeviceDto, context, cancellationToken).ConfigureAwait(false);
            return DtModelMapper.ToModel(dto);
        }

        public async Task<IReadOnlyList<DeviceError>> UpdateLabelsAsync(string projectId, IReadOnlyList<string> deviceIds, IReadOnlyDictionary<string, string> addLabels, IReadOnlyList<string> removeLabels, ApiCallContext context, CancellationToken cancellationToken)
        {
            var body = new BatchUpdateRequest
            {
                Devices = deviceIds.Select(d => ResourceName.Device(projectId, d)).ToList(),
                AddLabels = addLabels.Count == 0 ? null : addLabels.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal),
                RemoveLabels = removeLabels.Count == 0 ? null : removeLabels.ToList(),
            };
            var request = new ApiRequest(HttpMethod.Post, ResourceName.Project(projectId) + "/devices:batchUpdate")
            {
                JsonBody = JsonSerializer.SerializeToUtf8Bytes(body, WireJsonContext.Default.BatchUpdateRequest),
                Target = projectId,
            };
            var response = await _api.SendAsync(request, WireJsonContext.Default.BatchUpdateResponse, context, cancellationToken).ConfigureAwait(false);
            return ToErrors(request, response.BatchErrors);
        }

        public async Task<IReadOnlyList<DeviceError>> TransferAsync(string targetProjectId, string sourceProjectId, IReadOnlyList<string> deviceIds, ApiCallContext context, CancellationToken cancellationToken)
        {
            var body = new TransferRequest { Devices = deviceIds.Select(d => ResourceName.Device(sourceProjectId, d)).ToList() };
            var request = new ApiRequest(HttpMethod.Post, ResourceName.Project(targetProjectId) + "/devices:transfer")
            {
                JsonBody = JsonSerializer.SerializeToUtf8Bytes(body, WireJsonContext.Default.TransferRequest),
                Target = targetProjectId,
                MayRetry = false, // a lost answer may hide a done move: the caller re-checks instead
            };
            try
            {
                var response = await _api.SendAsync(request, WireJsonContext.Default.TransferResponse, context, cancellationToken).ConfigureAwait(false);
                return ToErrors(request, response.TransferErrors);
            }
            catch (IotApiException e) when (e.Status == CanonicalStatus.NotFound)
            {
                // dt-api.md: a 404 on …/projects/{target}/devices:transfer names the target project, never the devices.
                throw ErrorClassifier.WithDoNotRetryAction(e, "the destination project '" + targetProjectId + "' was not found; check -DestinationProjectId");
            }
        }

        /// <summary>batchErrors / transferErrors: each entry becomes an error of the call that was made, about that device.</summary>
        private IReadOnlyList<DeviceError> ToErrors(ApiRequest request, List<DeviceErrorDto>? errors)
        {
            if (errors == null || errors.Count == 0) return Array.Empty<DeviceError>();
            var method = request.Method.Method;
            var path = request.DisplayPath(_api.ApiRoot);
            return errors.Select(e =>
            {
                var deviceId = ResourceName.IdAfter(e.Device, "devices");
                var status = e.Status.HasValue ? ErrorBodyParser.ParseItemStatus(e.Status.Value) : new ErrorBody { Status = CanonicalStatus.Unknown };
                return new DeviceError(deviceId, ErrorClassifier.FromItemStatus(method, path, status, "device '" + deviceId + "'", e.Device));
            }).ToList();
        }
    }
}
