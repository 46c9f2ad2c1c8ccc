using System.Net;
using System.Text.Json.Nodes;
using IotAdmin.Emulator.Api;
using IotAdmin.Emulator.Events;

namespace IotAdmin.Emulator.Connectors;

/// <summary>
/// Reads and checks a data connector body (create and PATCH). PATCH follows dt-api-admin.md §0: with a non-empty
/// update_mask/updateMask only those paths, otherwise every field present, httpConfig merged field by field.
/// </summary>
internal static class ConnectorInput
{
    public static readonly IReadOnlyDictionary<string, string> ConfigKeys = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["HTTP_PUSH"] = "httpConfig",
        ["AZURE_SERVICE_BUS"] = "azureServiceBusConfig",
        ["AZURE_EVENT_HUB"] = "azureEventHubConfig",
        ["GOOGLE_CLOUD_PUBSUB"] = "pubsubConfig",
        ["AWS_SQS"] = "awsSqsConfig",
    };

    private static readonly HashSet<string> MaskPaths = new(StringComparer.Ordinal)
    {
        "displayName", "status", "events", "labels", "type", "httpConfig", "httpConfig.url", "httpConfig.signatureSecret", "httpConfig.headers",
    };

    public static ConnectorRecord Create(string id, string projectId, JsonObject body)
    {
        var type = String(body, "type") ?? throw ApiError.BadRequest("type is required: HTTP_PUSH, AZURE_SERVICE_BUS, AZURE_EVENT_HUB, GOOGLE_CLOUD_PUBSUB or AWS_SQS", "type");
        if (!ConfigKeys.TryGetValue(type, out var configKey)) throw ApiError.BadRequest($"type '{type}' is not one of {string.Join(", ", ConfigKeys.Keys)}", "type");
        var record = new ConnectorRecord { Id = id, ProjectId = projectId, Type = type };
        if (type == "HTTP_PUSH")
        {
            var http = body["httpConfig"] as JsonObject ?? throw ApiError.BadRequest("httpConfig with a url is required for HTTP_PUSH", "httpConfig");
            var url = String(http, "url") ?? throw ApiError.BadRequest("httpConfig.url is required", "httpConfig.url");
            record.Http = new HttpPushConfig { Url = CheckUrl(url) };
            MergeHttp(record.Http, http, all: true);
        }
        else
        {
            // Kept as data and shown faithfully; the emulator delivers only HTTP_PUSH.
            record.OtherConfig = (configKey, body[configKey] is JsonObject config ? (JsonObject)config.DeepClone() : new JsonObject());
        }

        record.DisplayName = String(body, "displayName") ?? string.Empty;
        record.Status = Status(body) ?? ConnectorStatus.Active;
        record.Events = EventList(body) ?? new List<string>();
        record.Labels = StringList(body, "labels") ?? new List<string>();
        return record;
    }

    /// <summary>Applies a PATCH body to a copy-free record (the caller holds the store's lock); true when the status became ACTIVE.</summary>
    public static bool Patch(ConnectorRecord record, JsonObject body, string? mask)
    {
        var paths = string.IsNullOrWhiteSpace(mask) ? null : mask.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        if (paths != null && paths.FirstOrDefault(p => !MaskPaths.Contains(p)) is { } unknown) throw ApiError.BadRequest($"update_mask path '{unknown}' is not a field of a data connector", "update_mask");
        bool Wants(string path) => paths == null ? Present(body, path) : paths.Contains(path) || (path.StartsWith("httpConfig.", StringComparison.Ordinal) && paths.Contains("httpConfig"));

        if (Wants("type") && String(body, "type") is { } type && type != record.Type) throw ApiError.BadRequest("type cannot be changed; create a new data connector", "type");
        var status = Wants("status") ? Status(body) : null;
        var events = Wants("events") ? EventList(body) ?? new List<string>() : null;
        var labels = Wants("labels") ? StringList(body, "labels") ?? new List<string>() : null;
        var http = body["httpConfig"] as JsonObject;
        string? url = null;
        if (Wants("httpConfig.url") && http != null && String(http, "url") is { } u) url = CheckUrl(u);
        if (record.Http == null && (Wants("httpConfig.url") || Wants("httpConfig.signatureSecret") || Wants("httpConfig.headers")) && http != null)
            throw ApiError.BadRequest($"httpConfig does not apply to a {record.Type} data connector", "httpConfig");

        // Everything is checked; now change.
        if (Wants("displayName")) record.DisplayName = String(body, "displayName") ?? string.Empty;
        if (events != null) record.Events = events;
        if (labels != null) record.Labels = labels;
        if (record.Http != null && http != null)
        {
            if (url != null) record.Http.Url = url;
            if (Wants("httpConfig.signatureSecret")) record.Http.SignatureSecret = String(http, "signatureSecret") ?? string.Empty;
            if (Wants("httpConfig.headers")) record.Http.Headers = Headers(http);
        }

        if (status == null || status == record.Status) return false;
        record.Status = status;
        return status == ConnectorStatus.Active;
    }

    /// <summary>The emulator pushes only to this machine: loopback receivers (the real service needs https).</summary>
    private static string CheckUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw ApiError.BadRequest($"httpConfig.url '{url}' is not an absolute http(s) URL", "httpConfig.url");
        var loopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
        if (!loopback)
            throw ApiError.BadRequest($"httpConfig.url '{url}' is refused: the emulator pushes only to loopback receivers (http://127.0.0.1:PORT/…, [::1] or localhost); the real service requires https", "httpConfig.url");
        return uri.AbsoluteUri;
    }

    private static void MergeHttp(HttpPushConfig config, JsonObject http, bool all)
    {
        if (all || http.ContainsKey("signatureSecret")) config.SignatureSecret = String(http, "signatureSecret") ?? string.Empty;
        if (all || http.ContainsKey("headers")) config.Headers = Headers(http);
    }

    private static Dictionary<string, string> Headers(JsonObject http)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (http["headers"] is null) return headers;
        if (http["headers"] is not JsonObject given) throw ApiError.BadRequest("httpConfig.headers must be an object of strings", "httpConfig.headers");
        foreach (var h in given)
        {
            if (h.Value is not JsonValue v || !v.TryGetValue<string>(out var value)) throw ApiError.BadRequest($"header '{h.Key}' must be a string", "httpConfig.headers");
            if (h.Key.Length == 0 || h.Key.Any(c => c <= ' ' || c == ':' || c > '~')) throw ApiError.BadRequest($"'{h.Key}' is not a valid header name", "httpConfig.headers");
            headers[h.Key] = value;
        }

        return headers;
    }

    private static string? Status(JsonObject body)
    {
        var status = String(body, "status");
        if (status == null) return null;
        return status is ConnectorStatus.Active or ConnectorStatus.UserDisabled
            ? status
            : throw ApiError.BadRequest($"status may be set to ACTIVE or USER_DISABLED, not '{status}' (SYSTEM_DISABLED is set by the service)", "status");
    }

    private static List<string>? EventList(JsonObject body)
    {
        var events = StringList(body, "events");
        if (events?.FirstOrDefault(e => !EventTypes.All.Contains(e)) is { } unknown) throw ApiError.BadRequest($"'{unknown}' is not an event type", "events");
        return events;
    }

    private static List<string>? StringList(JsonObject body, string field)
    {
        var node = body[field];
        if (node == null) return null;
        if (node is not JsonArray array) throw ApiError.BadRequest($"'{field}' must be an array of strings", field);
        return array.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw ApiError.BadRequest($"'{field}' must be an array of strings", field)).ToList();
    }

    private static string? String(JsonObject o, string field) =>
        o[field] switch
        {
            null => null,
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            _ => throw ApiError.BadRequest($"'{field}' must be a string", field),
        };

    private static bool Present(JsonObject body, string path)
    {
        var dot = path.IndexOf('.');
        return dot < 0 ? body.ContainsKey(path) : body[path[..dot]] is JsonObject inner && inner.ContainsKey(path[(dot + 1)..]);
    }
}
