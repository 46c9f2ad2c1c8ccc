using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IotAdmin.Wire
{
    // The DT REST API v2 on the wire (dt-api.md). Internal: cmdlets see only the models in IotAdmin.Models.
    // Unknown fields are ignored, so new server fields never break a client.

    internal sealed class TokenResponse
    {
        [JsonPropertyName("access_token")]
        public string? AccessToken { get; set; }

        [JsonPropertyName("token_type")]
        public string? TokenType { get; set; }

        [JsonPropertyName("expires_in")]
        public long? ExpiresIn { get; set; }
    }

    internal sealed class OrganizationDto
    {
        public string? Name { get; set; }

        public string? DisplayName { get; set; }
    }

    /// <summary>A page of a listing: its items (under a resource-specific key) and the token of the next page.</summary>
    internal interface IPage<T>
    {
        IEnumerable<T>? Items { get; }

        string? NextPageToken { get; }
    }

    internal sealed class OrganizationPage : IPage<OrganizationDto>
    {
        public List<OrganizationDto>? Organizations { get; set; }

        public string? NextPageToken { get; set; }

        IEnumerable<OrganizationDto>? IPage<OrganizationDto>.Items => Organizations;
    }

    internal sealed class ProjectDto
    {
        public string? Name { get; set; }

        public string? DisplayName { get; set; }

        public string? Organization { get; set; }

        public string? OrganizationDisplayName { get; set; }

        public int? SensorCount { get; set; }

        public int? CloudConnectorCount { get; set; }

        public bool? Inventory { get; set; }

        public Dictionary<string, string?>? Labels { get; set; }

        public LocationDto? Location { get; set; }
    }

    /// <summary>A project's location (dt-api-admin.md §1): every field optional.</summary>
    internal sealed class LocationDto
    {
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public double? Latitude { get; set; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public double? Longitude { get; set; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? TimeLocation { get; set; }
    }

    internal sealed class ProjectPage : IPage<ProjectDto>
    {
        public List<ProjectDto>? Projects { get; set; }

        public string? NextPageToken { get; set; }

        IEnumerable<ProjectDto>? IPage<ProjectDto>.Items => Projects;
    }

    internal sealed class DeviceDto
    {
        public string? Name { get; set; }

        public string? Type { get; set; }

        public string? ProductNumber { get; set; }

        public Dictionary<string, string?>? Labels { get; set; }

        public Dictionary<string, JsonElement>? Reported { get; set; }
    }

    internal sealed class DevicePage : IPage<DeviceDto>
    {
        public List<DeviceDto>? Devices { get; set; }

        public string? NextPageToken { get; set; }

        IEnumerable<DeviceDto>? IPage<DeviceDto>.Items => Devices;
    }

    internal sealed class DeviceErrorDto
    {
        public string? Device { get; set; }

        /// <summary>A google.rpc.Status (code, message, details), read by the error body parser.</summary>
        public System.Text.Json.JsonElement? Status { get; set; }
    }

    internal sealed class BatchUpdateRequest
    {
        public List<string> Devices { get; set; } = new List<string>();

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public Dictionary<string, string>? AddLabels { get; set; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public List<string>? RemoveLabels { get; set; }
    }

    internal sealed class BatchUpdateResponse
    {
        public List<DeviceErrorDto?>? BatchErrors { get; set; }
    }

    internal sealed class TransferRequest
    {
        public List<string> Devices { get; set; } = new List<string>();
    }

    internal sealed class TransferResponse
    {
        public List<string>? TransferredDevices { get; set; }

        public List<DeviceErrorDto?>? TransferErrors { get; set; }
    }

    /// <summary>For calls whose success body we do not read (DELETE answers "{}").</summary>
    internal sealed class EmptyResponse
    {
    }

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
    [JsonSerializable(typeof(TokenResponse))]
    [JsonSerializable(typeof(OrganizationDto))]
    [JsonSerializable(typeof(OrganizationPage))]
    [JsonSerializable(typeof(ProjectDto))]
    [JsonSerializable(typeof(ProjectPage))]
    [JsonSerializable(typeof(DeviceDto))]
    [JsonSerializable(typeof(DevicePage))]
    [JsonSerializable(typeof(BatchUpdateRequest))]
    [JsonSerializable(typeof(BatchUpdateResponse))]
    [JsonSerializable(typeof(TransferRequest))]
    [JsonSerializable(typeof(TransferResponse))]
    [JsonSerializable(typeof(EmptyResponse))]
    [JsonSerializable(typeof(string))]
    internal sealed partial class WireJsonContext : JsonSerializerContext
    {
    }
}
