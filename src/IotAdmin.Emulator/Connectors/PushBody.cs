using System.Text.Json;
using IotAdmin.Emulator.Events;

namespace IotAdmin.Emulator.Connectors;

/// <summary>An HTTP_PUSH body: {"event":Event,"labels":{configured keys the device has},"metadata":{deviceId,projectId,deviceType,productNumber}}.</summary>
internal static class PushBody
{
    public static byte[] For(PublishedEvent e, IReadOnlyList<string> labelKeys)
    {
        using var buffer = new MemoryStream(e.Event.Json.Length + 256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WritePropertyName("event");
            w.WriteRawValue(e.Event.Json, skipInputValidation: true);
            w.WriteStartObject("labels");
            foreach (var key in labelKeys)
                if (e.Labels.TryGetValue(key, out var value)) w.WriteString(key, value);
            w.WriteEndObject();
            w.WriteStartObject("metadata");
            w.WriteString("deviceId", e.Event.DeviceId);
            w.WriteString("projectId", e.ProjectId);
            w.WriteString("deviceType", e.DeviceType);
            w.WriteString("productNumber", e.ProductNumber);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
