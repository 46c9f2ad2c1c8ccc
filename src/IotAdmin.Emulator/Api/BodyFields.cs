using System.Text.Json;
using System.Text.Json.Nodes;

namespace IotAdmin.Emulator.Api;

/// <summary>Typed reads of request-body fields: a field of the wrong JSON type is a 400 naming it, never a 500.</summary>
internal static class BodyFields
{
    /// <summary>The string value of a field; null when missing or JSON null.</summary>
    public static string? OptionalString(this JsonObject body, string field, string? path = null) =>
        body[field] switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            _ => throw WrongType(path ?? field, "a string"),
        };

    public static bool? OptionalBool(this JsonObject body, string field) =>
        body[field] switch
        {
            null => null,
            JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
            _ => throw WrongType(field, "true or false"),
        };

    public static double? OptionalNumber(this JsonObject body, string field, string path) =>
        body[field] switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<double>(),
            _ => throw WrongType(path, "a number or null"),
        };

    /// <summary>An object field; null when missing or JSON null.</summary>
    public static JsonObject? OptionalObject(this JsonObject body, string field) =>
        body[field] switch
        {
            null => null,
            JsonObject o => o,
            _ => throw WrongType(field, "an object"),
        };

    /// <summary>A string array field; empty when missing.</summary>
    public static List<string> Strings(this JsonObject body, string field)
    {
        var node = body[field];
        if (node == null) return new List<string>();
        if (node is not JsonArray array) throw WrongType(field, "an array of strings");
        return array.Select(n => n is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : throw WrongType(field, "an array of strings")).ToList();
    }

    /// <summary>A map of strings (labels).</summary>
    public static Dictionary<string, string> StringMap(this JsonObject body, string field)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in body.OptionalObject(field) ?? new JsonObject())
            map[pair.Key] = pair.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : throw WrongType(field + "." + pair.Key, "a string");
        return map;
    }

    /// <summary>
    /// Whether a PATCH sets a field: with a non-empty update_mask/updateMask only the fields it names (SW's way);
    /// otherwise every field present in the body (PY's and TF's way) — dt-api-admin.md §0.
    /// </summary>
    public static bool Sets(this RequestContext r, JsonObject body, string field)
    {
        var mask = PagingFirst(r, "update_mask", "updateMask");
        return string.IsNullOrEmpty(mask) ? body.ContainsKey(field) : mask.Split(',').Any(m => m.Trim() == field || m.Trim().StartsWith(field + ".", StringComparison.Ordinal));
    }

    private static string? PagingFirst(RequestContext r, params string[] names) => Paging.PageSnapshots.First(r.Query, names);

    private static ApiError WrongType(string field, string expected) => ApiError.BadRequest($"'{field}' must be {expected}", field);
}
