namespace IotAdmin.Emulator.Events;

/// <summary>One event as it went out: its envelope serialized once (UTF-8 JSON), reused by history, streams and pushes.</summary>
internal sealed record StoredEvent(string EventId, string DeviceId, string EventType, DateTimeOffset Time, byte[] Json);

/// <summary>An event with what filters and pushes need to know of its device at the time it happened.</summary>
internal sealed record PublishedEvent(
    StoredEvent Event,
    string ProjectId,
    string DeviceType,
    string ProductNumber,
    IReadOnlyDictionary<string, string> Labels);
