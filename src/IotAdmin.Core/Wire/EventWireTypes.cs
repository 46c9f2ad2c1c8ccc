using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IotAdmin.Wire
{
    // Events, history pages and stream lines on the DT wire (dt-api-admin.md §6–7). Own context: the events code
    // stays out of the shared WireJsonContext.

    internal sealed class EventDto
    {
        public string? EventId { get; set; }

        public string? TargetName { get; set; }

        public string? EventType { get; set; }

        public JsonElement? Data { get; set; }

        public string? Timestamp { get; set; }
    }

    internal sealed class EventPage : IPage<EventDto>
    {
        public List<EventDto>? Events { get; set; }

        public string? NextPageToken { get; set; }

        IEnumerable<EventDto>? IPage<EventDto>.Items => Events;
    }

    /// <summary>One stream message: {"result":{"event":…}} or {"error":{…}} (an in-stream error, then the server closes).</summary>
    internal sealed class StreamMessage
    {
        public StreamResult? Result { get; set; }

        public JsonElement? Error { get; set; }
    }

    internal sealed class StreamResult
    {
        public EventDto? Event { get; set; }
    }

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
    [JsonSerializable(typeof(EventPage))]
    [JsonSerializable(typeof(StreamMessage))]
    [JsonSerializable(typeof(string))]
    internal sealed partial class EventJsonContext : JsonSerializerContext
    {
    }
}
