using System;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Auth;
using IotAdmin.Emulator;
using IotAdmin.Http;
using IotAdmin.Sessions;

namespace IotAdmin.Bench
{
    /// <summary>The in-process emulator of a benchmark (127.0.0.1, random port) and sessions against it.</summary>
    internal static class BenchEmulator
    {
        private static readonly HttpClient Control = new HttpClient();

        public static async Task<EmulatorServer> StartAsync(int devices, int projects, int rateLimit, double windowSeconds = 10) =>
            await EmulatorServer.StartAsync(new EmulatorOptions { Urls = "http://127.0.0.1:0", Devices = devices, Projects = projects, RateLimit = rateLimit, RateWindowSeconds = windowSeconds, Quiet = true, PropagationDelayMs = 0 });

        public static Task<IotSession> ConnectAsync(EmulatorServer server, RateLimitOptions rate) =>
            ConnectAsync(server.ApiRoot.AbsoluteUri, server.TokenEndpoint.AbsoluteUri, server.Credentials.KeyId, server.Credentials.Secret, server.Credentials.Email, rate);

        public static Task<IotSession> ConnectAsync(string apiRoot, string tokenEndpoint, string keyId, string secret, string email, RateLimitOptions rate)
        {
            var credential = new ServiceAccountCredential(keyId, ToSecure(secret), email);
            return IotSession.ConnectAsync(apiRoot, tokenEndpoint, credential, new IotSessionOptions { RateLimit = rate }, new ApiCallContext(new CountingOutput()), CancellationToken.None);
        }

        private static System.Security.SecureString ToSecure(string s)
        {
            var secure = new System.Security.SecureString();
            foreach (var c in s) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }

        public static async Task<JsonElement> StatsAsync(EmulatorServer server) =>
            JsonDocument.Parse(await Control.GetStringAsync(new Uri(server.BaseAddress, "_emulator/stats"))).RootElement.Clone();

        public static async Task<int> ThrottledAsync(EmulatorServer server) => (await StatsAsync(server)).GetProperty("throttled").GetInt32();

        /// <summary>API requests the server saw (token requests aside).</summary>
        public static async Task<int> ApiRequestsAsync(EmulatorServer server)
        {
            var stats = await StatsAsync(server);
            return stats.GetProperty("requests").GetInt32() - stats.GetProperty("tokensIssued").GetInt32();
        }

        public static async Task SetRateLimitAsync(EmulatorServer server, int limit, double windowSeconds)
        {
            using var content = new StringContent(JsonSerializer.Serialize(new { limit, windowSeconds }), Encoding.UTF8, "application/json");
            using var response = await Control.PostAsync(new Uri(server.BaseAddress, "_emulator/ratelimit"), content);
            response.EnsureSuccessStatusCode();
        }
    }
}
