using System.Text.Json.Nodes;

namespace IotAdmin.Emulator.Connectors;

/// <summary>One data connector (dt-api-admin.md §5). Fields change only under <see cref="ConnectorStore"/>'s lock.</summary>
internal sealed class ConnectorRecord
{
    public required string Id { get; init; }

    public required string ProjectId { get; init; }

    public required string Type { get; init; }

    public string DisplayName { get; set; } = string.Empty;

    /// <summary>ACTIVE, USER_DISABLED or SYSTEM_DISABLED.</summary>
    public string Status { get; set; } = ConnectorStatus.Active;

    /// <summary>Event types pushed; empty = all.</summary>
    public List<string> Events { get; set; } = new();

    /// <summary>Label keys copied into each push.</summary>
    public List<string> Labels { get; set; } = new();

    public HttpPushConfig? Http { get; set; }

    /// <summary>The config object of a type the emulator keeps but does not deliver to (azureServiceBusConfig…), as given.</summary>
    public (string Key, JsonObject Value)? OtherConfig { get; set; }

    /// <summary>Failed push attempts in a row (reset by a success or by re-enabling).</summary>
    public int ConsecutiveFailures { get; set; }

    public PushMetrics Metrics { get; } = new();

    public string Name => $"projects/{ProjectId}/dataconnectors/{Id}";

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["name"] = Name,
            ["displayName"] = DisplayName,
            ["type"] = Type,
            ["status"] = Status,
            ["events"] = new JsonArray(Events.Select(e => (JsonNode?)e).ToArray()),
            ["labels"] = new JsonArray(Labels.Select(l => (JsonNode?)l).ToArray()),
        };
        if (Http != null) json["httpConfig"] = Http.ToJson();
        if (OtherConfig is { } other) json[other.Key] = other.Value.DeepClone();
        return json;
    }
}

/// <summary>HTTP_PUSH's config. The real API returns the signature secret in clear text on GET and list (PY fixture), so the emulator does too.</summary>
internal sealed class HttpPushConfig
{
    public required string Url { get; set; }

    public string SignatureSecret { get; set; } = string.Empty;

    public Dictionary<string, string> Headers { get; set; } = new(StringComparer.Ordinal);

    public HttpPushConfig Copy() => new() { Url = Url, SignatureSecret = SignatureSecret, Headers = new Dictionary<string, string>(Headers, StringComparer.Ordinal) };

    public JsonObject ToJson()
    {
        var headers = new JsonObject();
        foreach (var h in Headers.OrderBy(h => h.Key, StringComparer.Ordinal)) headers[h.Key] = h.Value;
        return new JsonObject { ["url"] = Url, ["signatureSecret"] = SignatureSecret, ["headers"] = headers };
    }

    /// <summary>Never the secret (records may end up in logs).</summary>
    public override string ToString() => $"HTTP_PUSH {Url}";
}

internal static class ConnectorStatus
{
    public const string Active = "ACTIVE";
    public const string UserDisabled = "USER_DISABLED";
    public const string SystemDisabled = "SYSTEM_DISABLED";
}
