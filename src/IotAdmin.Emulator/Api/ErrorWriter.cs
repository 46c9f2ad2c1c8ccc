using System.Globalization;
using System.Text.Json.Nodes;

namespace IotAdmin.Emulator.Api;

/// <summary>The one place error answers are written, in DT or Google style (error-model.md §1).</summary>
internal static class ErrorWriter
{
    public const string Domain = "emulator.iotadmin.local";

    public static Task WriteAsync(HttpContext context, ApiError error, string style)
    {
        var response = context.Response;
        response.StatusCode = error.Status;
        if (error.RetryAfter is { } wait) response.Headers.RetryAfter = Math.Max(0, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var body = style == "google" ? Google(error) : Dt(error);
        return JsonReply.WriteAsync(context, error.Status, body);
    }

    /// <summary>A raw body instead of JSON (a proxy's HTML page, garbage): for rehearsing unreadable answers.</summary>
    public static async Task WriteRawAsync(HttpContext context, int status, string body, TimeSpan? retryAfter)
    {
        context.Response.StatusCode = status;
        if (retryAfter is { } wait) context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        context.Response.ContentType = body.TrimStart().StartsWith('<') ? "text/html; charset=utf-8" : "text/plain; charset=utf-8";
        await context.Response.WriteAsync(body);
    }

    private static JsonObject Dt(ApiError e) => new()
    {
        ["error"] = e.Message,
        ["code"] = e.Status,
        ["help"] = "https://docs.d21s.com/error/#" + e.Status.ToString(CultureInfo.InvariantCulture),
    };

    private static JsonObject Google(ApiError e)
    {
        var details = new JsonArray
        {
            new JsonObject
            {
                ["@type"] = "type.googleapis.com/google.rpc.ErrorInfo",
                ["reason"] = e.Reason ?? e.Canonical,
                ["domain"] = Domain,
                ["metadata"] = new JsonObject { ["service"] = "iotadmin-emulator" },
            },
        };
        if (e.RetryAfter is { } wait)
            details.Add(new JsonObject { ["@type"] = "type.googleapis.com/google.rpc.RetryInfo", ["retryDelay"] = Math.Max(0, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + "s" });
        if (e.Status == 400)
            details.Add(new JsonObject { ["@type"] = "type.googleapis.com/google.rpc.BadRequest", ["fieldViolations"] = new JsonArray(new JsonObject { ["field"] = e.Field ?? "request", ["description"] = e.Message }) });
        if (e.Status == 429)
            details.Add(new JsonObject { ["@type"] = "type.googleapis.com/google.rpc.QuotaFailure", ["violations"] = new JsonArray(new JsonObject { ["subject"] = "service account", ["description"] = e.Message }) });
        return new JsonObject
        {
            ["error"] = new JsonObject { ["code"] = e.Status, ["message"] = e.Message, ["status"] = e.Canonical, ["details"] = details },
        };
    }
}
