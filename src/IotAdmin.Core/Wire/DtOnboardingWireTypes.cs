using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IotAdmin.Wire
{
    // Claiming (dt-api-admin.md §8) and DT's hosted emulator API (dt-api.md "Emulator API", dt-api-admin.md §9).

    internal sealed class ClaimInfoDto
    {
        /// <summary>"KIT" or "DEVICE".</summary>
        public string? Type { get; set; }

        public ClaimKitDto? Kit { get; set; }

        public ClaimDeviceDto? Device { get; set; }
    }

    internal sealed class ClaimKitDto
    {
        public string? KitId { get; set; }

        public string? DisplayName { get; set; }

        public ClaimCountDto? Sensors { get; set; }

        public ClaimCountDto? CloudConnectors { get; set; }

        public List<ClaimDeviceDto>? Devices { get; set; }
    }

    internal sealed class ClaimCountDto
    {
        public int? TotalCount { get; set; }

        public int? ClaimedCount { get; set; }
    }

    internal sealed class ClaimDeviceDto
    {
        public string? DeviceId { get; set; }

        public string? DeviceType { get; set; }

        public string? ProductNumber { get; set; }

        public bool? IsClaimed { get; set; }
    }

    internal sealed class ClaimRequest
    {
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public List<string>? KitIds { get; set; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public List<string>? DeviceIds { get; set; }
    }

    internal sealed class ClaimResponse
    {
        public List<ClaimDeviceDto>? ClaimedDevices { get; set; }

        public ClaimErrorsDto? ClaimErrors { get; set; }
    }

    internal sealed class ClaimErrorsDto
    {
        public List<ClaimErrorDto>? Devices { get; set; }

        public List<ClaimErrorDto>? Kits { get; set; }
    }

    internal sealed class ClaimErrorDto
    {
        public string? DeviceId { get; set; }

        public string? KitId { get; set; }

        public string? Code { get; set; }

        public string? Message { get; set; }
    }

    internal sealed class EmulatedDeviceRequest
    {
        public string? Type { get; set; }

        public Dictionary<string, string>? Labels { get; set; }
    }

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
    [JsonSerializable(typeof(ClaimInfoDto))]
    [JsonSerializable(typeof(ClaimRequest))]
    [JsonSerializable(typeof(ClaimResponse))]
    [JsonSerializable(typeof(EmulatedDeviceRequest))]
    [JsonSerializable(typeof(DeviceDto))]
    [JsonSerializable(typeof(Dictionary<string, JsonElement>))]
    [JsonSerializable(typeof(EmptyResponse))]
    internal sealed partial class OnboardingJsonContext : JsonSerializerContext
    {
    }
}
