using System.Text.Json;
using System.Text.Json.Nodes;

namespace IotAdmin.Emulator.Api;

/// <summary>Every answer is JSON.</summary>
internal static class JsonReply
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    public static async Task WriteAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString(Options));
    }
}
