using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace IotAdmin.Wire
{
    // Cloud IoT Core v1 (google-iot-core.md §1) on the wire: registries and devices (proto3 JSON, lowerCamelCase;
    // int64 numId as a string). Internal, like the DT types.

    internal sealed class RegistryDto
    {
        public string? Id { get; set; }

        public string? Name { get; set; }
    }

    internal sealed class RegistryPage : IPage<RegistryDto>
    {
        public List<RegistryDto>? DeviceRegistries { get; set; }

        public string? NextPageToken { get; set; }

        IEnumerable<RegistryDto>? IPage<RegistryDto>.Items => DeviceRegistries;
    }

    internal sealed class GatewayConfigDto
    {
        public string? GatewayType { get; set; }
    }

    internal sealed class GoogleDeviceDto
    {
        public string? Id { get; set; }

        public string? Name { get; set; }

        public string? NumId { get; set; }

        public bool? Blocked { get; set; }

        public string? LastEventTime { get; set; }

        public string? LastHeartbeatTime { get; set; }

        public Dictionary<string, string?>? Metadata { get; set; }

        public GatewayConfigDto? GatewayConfig { get; set; }
    }

    internal sealed class GoogleDevicePage : IPage<GoogleDeviceDto>
    {
        public List<GoogleDeviceDto>? Devices { get; set; }

        public string? NextPageToken { get; set; }

        IEnumerable<GoogleDeviceDto>? IPage<GoogleDeviceDto>.Items => Devices;
    }

    /// <summary>PATCH …/devices/{d}?updateMask=metadata: only the metadata travels.</summary>
    internal sealed class MetadataPatch
    {
        public Dictionary<string, string> Metadata { get; set; } = new Dictionary<string, string>();
    }

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
    [JsonSerializable(typeof(RegistryDto))]
    [JsonSerializable(typeof(RegistryPage))]
    [JsonSerializable(typeof(GoogleDeviceDto))]
    [JsonSerializable(typeof(GoogleDevicePage))]
    [JsonSerializable(typeof(MetadataPatch))]
    internal sealed partial class GoogleJsonContext : JsonSerializerContext
    {
    }
}
