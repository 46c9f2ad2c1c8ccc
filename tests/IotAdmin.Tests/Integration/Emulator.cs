using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using IotAdmin.Auth;
using IotAdmin.Emulator;
using IotAdmin.Sessions;
using IotAdmin.Tests.Support;

namespace IotAdmin.Tests.Integration
{
    /// <summary>An emulator on 127.0.0.1 (random free port) for end-to-end tests, with its control API.</summary>
    internal sealed class Emulator : IAsyncDisposable
    {
        private static readonly HttpClient Control = new HttpClient();

        private Emulator(EmulatorServer server)
        {
            Server = server;
        }

        public EmulatorServer Server { get; }

        public string ApiRoot => Server.ApiRoot.AbsoluteUri;

        public static async Task<Emulator> StartAsync(Action<EmulatorOptions>? configure = null)
        {
            var options = new EmulatorOptions { Urls = "http://127.0.0.1:0", Quiet = true, RateLimit = 0, PropagationDelayMs = 0 };
            configure?.Invoke(options);
            return new Emulator(await EmulatorServer.StartAsync(options));
        }

        public ServiceAccountCredential Credential(string? secret = null, string? keyId = null) =>
            new ServiceAccountCredential(keyId ?? Server.Credentials.KeyId, ServiceAccountCredential.ToSecure(secret ?? Server.Credentials.Secret), Server.Credentials.Email);

        public Task<IotSession> ConnectAsync(IotSessionOptions? options = null, TimeProvider? time = null, RecordingOutput? output = null, ServiceAccountCredential? credential = null) =>
            TestSessions.ConnectAsync(ApiRoot, handler: null, time, options ?? TestSessions.Unlimited(), credential ?? Credential(), output, Server.TokenEndpoint.AbsoluteUri);

        /// <summary>POST /_emulator/faults: the next matching requests fail as described.</summary>
        public async Task AddFaultAsync(object fault)
        {
            using var content = new StringContent(JsonSerializer.Serialize(fault), Encoding.UTF8, "application/json");
            using var response = await Control.PostAsync(new Uri(Server.BaseAddress, "_emulator/faults"), content);
            response.EnsureSuccessStatusCode();
        }

        public async Task ClearFaultsAsync()
        {
            using var response = await Control.DeleteAsync(new Uri(Server.BaseAddress, "_emulator/faults"));
            response.EnsureSuccessStatusCode();
        }

        /// <summary>POST /_emulator/ratelimit: the server's limit from now on.</summary>
        public async Task SetRateLimitAsync(int limit, double windowSeconds)
        {
            using var content = new StringContent(JsonSerializer.Serialize(new { limit, windowSeconds }), Encoding.UTF8, "application/json");
            using var response = await Control.PostAsync(new Uri(Server.BaseAddress, "_emulator/ratelimit"), content);
            response.EnsureSuccessStatusCode();
        }

        public async Task ResetAsync()
        {
            using var response = await Control.PostAsync(new Uri(Server.BaseAddress, "_emulator/reset"), null);
            response.EnsureSuccessStatusCode();
        }

        public async Task<Stats> StatsAsync()
        {
            var json = await Control.GetStringAsync(new Uri(Server.BaseAddress, "_emulator/stats"));
            return new Stats(JsonDocument.Parse(json).RootElement.Clone());
        }

        public ValueTask DisposeAsync() => Server.DisposeAsync();

        /// <summary>GET /_emulator/stats, read.</summary>
        public sealed class Stats
        {
            private readonly JsonElement _root;

            public Stats(JsonElement root) => _root = root;

            public int Requests => _root.GetProperty("requests").GetInt32();

            public int Throttled => _root.GetProperty("throttled").GetInt32();

            /// <summary>Rate-limit 429s of one service account (its key id).</summary>
            public int ThrottledFor(string serviceAccountId) => _root.GetProperty("throttledByAccount").TryGetProperty(serviceAccountId, out var v) ? v.GetInt32() : 0;

            public int FaultsInjected => _root.TryGetProperty("faultsInjected", out var f) ? f.GetInt32() : 0;

            public int Mutations => _root.TryGetProperty("mutations", out var m) ? m.GetInt32() : 0;

            public int ByStatus(int status) => _root.GetProperty("byStatus").TryGetProperty(status.ToString(), out var v) ? v.GetInt32() : 0;

            public int ByRoute(string route) => _root.GetProperty("byRoute").TryGetProperty(route, out var v) ? v.GetInt32() : 0;

            public IEnumerable<KeyValuePair<string, int>> Routes()
            {
                foreach (var p in _root.GetProperty("byRoute").EnumerateObject()) yield return new KeyValuePair<string, int>(p.Name, p.Value.GetInt32());
            }

            /// <summary>API requests (under /v2), excluding the token endpoint.</summary>
            public int ApiRequests()
            {
                var n = 0;
                foreach (var r in Routes())
                    if (r.Key.Contains("/v2/")) n += r.Value;
                return n;
            }

            public override string ToString() => _root.GetRawText();
        }
    }
}
