using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IotAdmin.Wire
{
    // Data connectors on the DT wire (dt-api-admin.md §5). The signature secret is read only to be dropped by the
    // mapper, and written only into a request body.

    internal sealed class DataConnectorDto
    {
        public string? Name { get; set; }

        public string? DisplayName { get; set; }

        public string? Type { get; set; }

        public string? Status { get; set; }

        public List<string>? Events { get; set; }

        public List<string>? Labels { get; set; }

        /// <summary>httpConfig and the other types' config objects (azureServiceBusConfig, pubsubConfig …), kept as data.</summary>
        [JsonExtensionData]
        public Dictionary<string, JsonElement>? Other { get; set; }
    }

    internal sealed class DataConnectorPage : IPage<DataConnectorDto>
    {
        public List<DataConnectorDto>? DataConnectors { get; set; }

        public string? NextPageToken { get; set; }

        IEnumerable<DataConnectorDto>? IPage<DataConnectorDto>.Items => DataConnectors;
    }

    /// <summary>A create or update body: only the fields set are sent.</summary>
    internal sealed class DataConnectorWrite
    {
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? DisplayName { get; set; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Type { get; set; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Status { get; set; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public List<string>? Events { get; set; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public List<string>? Labels { get; set; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public HttpConfigWrite? HttpConfig { get; set; }

        public override string ToString() => "DataConnectorWrite"; // never the body: it may hold the secret
    }

    internal sealed class HttpConfigWrite
    {
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Url { get; set; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? SignatureSecret { get; set; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public Dictionary<string, string>? Headers { get; set; }

        public override string ToString() => "HttpConfigWrite";
    }

    internal sealed class MetricsResponse
    {
        public MetricsDto? Metrics { get; set; }
    }

    internal sealed class MetricsDto
    {
        public long? SuccessCount { get; set; }

        public long? ErrorCount { get; set; }

        public string? Latency99p { get; set; }
    }

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
    [JsonSerializable(typeof(DataConnectorDto))]
    [JsonSerializable(typeof(DataConnectorPage))]
    [JsonSerializable(typeof(DataConnectorWrite))]
    [JsonSerializable(typeof(MetricsResponse))]
    [JsonSerializable(typeof(EmptyResponse))]
    internal sealed partial class DataConnectorJsonContext : JsonSerializerContext
    {
    }
}
