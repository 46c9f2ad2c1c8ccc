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
            return AnswerItems.Map(request, _api.ApiRoot, dto, DtModelMapper.ToModel, "project");
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
            return AnswerItems.Map(request, _api.ApiRoot, dto, DtModelMapper.ToModel, "device");
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
            return ToErrors(request, response.BatchErrors, deviceIds);
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
                return ToErrors(request, response.TransferErrors, deviceIds);
            }
            catch (IotApiException e) when (e.Status == CanonicalStatus.NotFound)
            {
                // dt-api.md: a 404 on …/projects/{target}/devices:transfer names the target project, never the devices.
                throw ErrorClassifier.WithDoNotRetryAction(e, "the destination project '" + targetProjectId + "' was not found; check -DestinationProjectId");
            }
        }

        /// <summary>
        /// batchErrors / transferErrors: each entry becomes an error of the call that was made, about that device. An
        /// entry that names no device of the batch (null, no "device", another device) cannot be attributed: the whole
        /// batch fails with IotApiInvalidResponse rather than count devices as changed that may not be.
        /// </summary>
        private IReadOnlyList<DeviceError> ToErrors(ApiRequest request, List<DeviceErrorDto?>? errors, IReadOnlyList<string> sent)
        {
            if (errors == null || errors.Count == 0) return Array.Empty<DeviceError>();
            var method = request.Method.Method;
            var path = request.DisplayPath(_api.ApiRoot);
            var result = new List<DeviceError>(errors.Count);
            foreach (var e in errors)
            {
                var deviceId = e == null ? string.Empty : ResourceName.IdAfter(e.Device, "devices");
                if (deviceId.Length == 0 || !sent.Contains(deviceId, StringComparer.Ordinal))
                    throw AnswerItems.Invalid(request, _api.ApiRoot, "(an error entry that names no device of the batch: " + (e == null ? "null" : "device '" + e.Device + "'") + "; the outcome of every device in it is unknown)");
                var status = e!.Status.HasValue ? ErrorBodyParser.ParseItemStatus(e.Status.Value) : new ErrorBody { Status = CanonicalStatus.Unknown };
                result.Add(new DeviceError(deviceId, ErrorClassifier.FromItemStatus(method, path, status, "device '" + deviceId + "'", e.Device)));
            }

            return result;
        }
    }
}
