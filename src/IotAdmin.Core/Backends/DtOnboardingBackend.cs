using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Errors;
using IotAdmin.Http;
using IotAdmin.Models;
using IotAdmin.Wire;

namespace IotAdmin.Backends
{
    /// <summary>DT's claim calls (under the session's API root) and its hosted emulator API (under <see cref="EmulatorRoot"/>), through the session's one HTTP pipeline.</summary>
    internal sealed class DtOnboardingBackend : IOnboardingBackend
    {
        private readonly ApiClient _api;

        public DtOnboardingBackend(ApiClient api, Uri emulatorRoot)
        {
            _api = api;
            EmulatorRoot = emulatorRoot;
        }

        public Uri EmulatorRoot { get; }

        public async Task<IotClaimInfo> GetClaimInfoAsync(string identifier, ApiCallContext context, CancellationToken cancellationToken)
        {
            var request = new ApiRequest(HttpMethod.Get, "claimInfo") { Target = identifier }.Query("identifier", identifier);
            var dto = await _api.SendAsync(request, OnboardingJsonContext.Default.ClaimInfoDto, context, cancellationToken).ConfigureAwait(false);
            return ToModel(identifier, dto);
        }

        public async Task<ClaimAnswer> ClaimAsync(string projectId, IReadOnlyList<string> kitIds, IReadOnlyList<string> deviceIds, bool dryRun, ApiCallContext context, CancellationToken cancellationToken)
        {
            var body = new ClaimRequest
            {
                KitIds = kitIds.Count == 0 ? null : kitIds.ToList(),
                DeviceIds = deviceIds.Count == 0 ? null : deviceIds.ToList(),
            };
            var request = new ApiRequest(HttpMethod.Post, ResourceName.Project(projectId) + "/devices:claim")
            {
                JsonBody = JsonSerializer.SerializeToUtf8Bytes(body, OnboardingJsonContext.Default.ClaimRequest),
                Target = projectId,
                MayRetry = dryRun, // a dry run changes nothing; a lost claim answer may hide a done claim (the re-run finds it)
            }.Query("dryRun", dryRun ? "true" : "false");
            var response = await _api.SendAsync(request, OnboardingJsonContext.Default.ClaimResponse, context, cancellationToken).ConfigureAwait(false);
            var path = request.DisplayPath(_api.ApiRoot);
            var errors = new List<ClaimError>();
            foreach (var e in response.ClaimErrors?.Devices ?? new List<ClaimErrorDto>()) errors.Add(ToError(path, e.DeviceId, false, e));
            foreach (var e in response.ClaimErrors?.Kits ?? new List<ClaimErrorDto>()) errors.Add(ToError(path, e.KitId, true, e));
            return new ClaimAnswer((response.ClaimedDevices ?? new List<ClaimDeviceDto>()).Select(ToModel).ToList(), errors);
        }

        public async Task<IotDevice> CreateEmulatedDeviceAsync(string projectId, string type, IReadOnlyDictionary<string, string> labels, ApiCallContext context, CancellationToken cancellationToken)
        {
            var body = new EmulatedDeviceRequest { Type = type, Labels = labels.Count == 0 ? null : labels.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal) };
            var request = new ApiRequest(HttpMethod.Post, ResourceName.Project(projectId) + "/devices")
            {
                Root = EmulatorRoot,
                JsonBody = JsonSerializer.SerializeToUtf8Bytes(body, OnboardingJsonContext.Default.EmulatedDeviceRequest),
                Target = projectId,
                MayRetry = false, // a resend after a lost answer would make a second device
            };
            return DtModelMapper.ToModel(await _api.SendAsync(request, OnboardingJsonContext.Default.DeviceDto, context, cancellationToken).ConfigureAwait(false));
        }

        public Task DeleteEmulatedDeviceAsync(string projectId, string deviceId, ApiCallContext context, CancellationToken cancellationToken) =>
            _api.SendAsync(new ApiRequest(HttpMethod.Delete, ResourceName.Device(projectId, deviceId)) { Root = EmulatorRoot, Target = deviceId }, OnboardingJsonContext.Default.EmptyResponse, context, cancellationToken);

        public Task PublishAsync(string projectId, string deviceId, byte[] eventJson, ApiCallContext context, CancellationToken cancellationToken) =>
            _api.SendAsync(
                new ApiRequest(HttpMethod.Post, ResourceName.Device(projectId, deviceId) + ":publish") { Root = EmulatorRoot, JsonBody = eventJson, Target = deviceId, MayRetry = false },
                OnboardingJsonContext.Default.EmptyResponse,
                context,
                cancellationToken);

        /// <summary>ALREADY_CLAIMED is ALREADY_EXISTS, NOT_FOUND is NOT_FOUND; another code keeps its name in the message (UNKNOWN).</summary>
        private static ClaimError ToError(string path, string? id, bool isKit, ClaimErrorDto e)
        {
            var code = e.Code ?? CanonicalStatus.Unknown;
            var status = code == ClaimError.AlreadyClaimedCode ? CanonicalStatus.AlreadyExists : code == CanonicalStatus.NotFound ? CanonicalStatus.NotFound : CanonicalStatus.Unknown;
            var subject = (isKit ? "kit '" : "device '") + id + "'";
            var body = new ErrorBody { Status = status, Message = TextBounds.Clean(code + ": " + (e.Message ?? "claim failed")) };
            return new ClaimError(id ?? string.Empty, isKit, code, ErrorClassifier.FromItemStatus("POST", path, body, subject, id));
        }

        private static IotClaimDevice ToModel(ClaimDeviceDto d) => new IotClaimDevice
        {
            DeviceId = d.DeviceId ?? string.Empty,
            DeviceType = d.DeviceType ?? string.Empty,
            ProductNumber = string.IsNullOrEmpty(d.ProductNumber) ? null : d.ProductNumber,
            IsClaimed = d.IsClaimed ?? false,
        };

        private static IotClaimInfo ToModel(string identifier, ClaimInfoDto dto)
        {
            if (dto.Kit != null && !string.Equals(dto.Type, "DEVICE", StringComparison.OrdinalIgnoreCase))
            {
                return new IotClaimInfo
                {
                    Identifier = identifier,
                    Type = "KIT",
                    KitId = dto.Kit.KitId ?? identifier,
                    DisplayName = dto.Kit.DisplayName,
                    SensorCount = dto.Kit.Sensors?.TotalCount ?? 0,
                    SensorsClaimed = dto.Kit.Sensors?.ClaimedCount ?? 0,
                    CloudConnectorCount = dto.Kit.CloudConnectors?.TotalCount ?? 0,
                    CloudConnectorsClaimed = dto.Kit.CloudConnectors?.ClaimedCount ?? 0,
                    Devices = (dto.Kit.Devices ?? new List<ClaimDeviceDto>()).Select(ToModel).ToList(),
                };
            }

            var device = dto.Device == null ? null : ToModel(dto.Device);
            var isConnector = device?.DeviceType == "ccon";
            return new IotClaimInfo
            {
                Identifier = identifier,
                Type = "DEVICE",
                SensorCount = device != null && !isConnector ? 1 : 0,
                SensorsClaimed = device != null && !isConnector && device.IsClaimed ? 1 : 0,
                CloudConnectorCount = isConnector ? 1 : 0,
                CloudConnectorsClaimed = isConnector && device!.IsClaimed ? 1 : 0,
                Devices = device == null ? Array.Empty<IotClaimDevice>() : new[] { device },
            };
        }
    }
}
