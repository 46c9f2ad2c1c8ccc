using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using IotAdmin.Emulator;
using IotAdmin.Tests.Support;
using Xunit;

namespace IotAdmin.Tests.EmulatorEvents
{
    /// <summary>
    /// An emulator on 127.0.0.1 spoken to over raw HTTP only (no Core client): its own token request (an HS256 JWT built
    /// here), a bearer HttpClient on /v2, and the control API. With a fake clock, time moves only when a test moves it.
    /// </summary>
    public sealed class EventEmulator : IAsyncDisposable
    {
        private EventEmulator(EmulatorServer server, HttpClient api, FakeTimeProvider? clock)
        {
            Server = server;
            Api = api;
            Clock = clock;
        }

        public EmulatorServer Server { get; }

        /// <summary>BaseAddress …/v2/, Authorization: Bearer.</summary>
        public HttpClient Api { get; }

        public HttpClient Control { get; } = new HttpClient();

        public FakeTimeProvider? Clock { get; }

        public static async Task<EventEmulator> StartAsync(Action<EmulatorOptions>? configure = null, FakeTimeProvider? clock = null)
        {
            var options = new EmulatorOptions { Urls = "http://127.0.0.1:0", Quiet = true, RateLimit = 0, PropagationDelayMs = 0, Devices = 40, Projects = 3, TokenTtlSeconds = 86400 };
            if (clock != null) options.TimeProvider = clock;
            configure?.Invoke(options);
            var server = await EmulatorServer.StartAsync(options);
            var api = new HttpClient { BaseAddress = new Uri(server.ApiRoot.AbsoluteUri + "/"), Timeout = TimeSpan.FromSeconds(60) };
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(server, options.TimeProvider));
            return new EventEmulator(server, api, clock);
        }

        public async Task<JsonElement> GetAsync(string path)
        {
            using var response = await Api.GetAsync(path);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {text}");
            return JsonDocument.Parse(text).RootElement.Clone();
        }

        public async Task<(int Status, JsonElement Body)> SendAsync(HttpMethod method, string path, object? body = null)
        {
            using var request = new HttpRequestMessage(method, path);
            if (body != null) request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
            using var response = await Api.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return ((int)response.StatusCode, JsonDocument.Parse(text.Length == 0 ? "{}" : text).RootElement.Clone());
        }

        /// <summary>POST /_emulator/events; the event as published.</summary>
        public async Task<JsonElement> PublishAsync(string deviceId, string eventType, object? data = null, DateTimeOffset? timestamp = null)
        {
            var body = new Dictionary<string, object?> { ["deviceId"] = deviceId, ["eventType"] = eventType };
            if (data != null) body["data"] = data;
            if (timestamp != null) body["timestamp"] = timestamp.Value.UtcDateTime.ToString("o");
            return await ControlAsync("_emulator/events", body);
        }

        public async Task<JsonElement> ControlAsync(string path, object body)
        {
            using var content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
            using var response = await Control.PostAsync(new Uri(Server.BaseAddress, path), content);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {text}");
            return JsonDocument.Parse(text).RootElement.Clone();
        }

        /// <summary>(project, device) of devices of a type, found by listing (seeded projects after the inventory).</summary>
        public async Task<List<(string Project, string Device)>> DevicesAsync(string type)
        {
            var result = new List<(string, string)>();
            foreach (var project in Server.ProjectIds)
            {
                var page = await GetAsync($"projects/{project}/devices?device_types={type}");
                result.AddRange(page.GetProperty("devices").EnumerateArray().Select(d => (project, d.GetProperty("name").GetString()!.Split('/').Last())));
            }

            return result;
        }

        public async ValueTask DisposeAsync()
        {
            Api.Dispose();
            Control.Dispose();
            await Server.DisposeAsync();
        }

        private static async Task<string> TokenAsync(EmulatorServer server, TimeProvider time)
        {
            var now = time.GetUtcNow().ToUnixTimeSeconds();
            var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { alg = "HS256", typ = "JWT", kid = server.Credentials.KeyId }));
            var claims = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { iss = server.Credentials.Email, aud = server.TokenEndpoint.AbsoluteUri, iat = now, exp = now + 3600 }));
            var signature = Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(server.Credentials.Secret), Encoding.ASCII.GetBytes(header + "." + claims)));
            using var http = new HttpClient();
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer",
                ["assertion"] = header + "." + claims + "." + signature,
            });
            using var response = await http.PostAsync(server.TokenEndpoint, form);
            response.EnsureSuccessStatusCode();
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString()!;
        }

        internal static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
