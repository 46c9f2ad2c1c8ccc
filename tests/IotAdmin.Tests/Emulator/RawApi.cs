using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using IotAdmin.Emulator;
using Xunit;

namespace IotAdmin.Tests.EmulatorApi
{
    /// <summary>
    /// The emulator over raw HTTP on 127.0.0.1 (random free port), with no part of Core: tokens are made here from
    /// a key (HS256 JWT grant), so these tests hold the emulator to the wire contract on its own.
    /// </summary>
    public sealed class RawApi : IAsyncDisposable
    {
        internal static readonly HttpClient Http = new HttpClient();

        private RawApi(EmulatorServer server) => Server = server;

        public EmulatorServer Server { get; }

        public string OrganizationId => Server.OrganizationId;

        public string Inventory => Server.ProjectIds[0];

        public static async Task<RawApi> StartAsync(Action<EmulatorOptions>? configure = null)
        {
            var options = new EmulatorOptions { Urls = "http://127.0.0.1:0", Quiet = true, RateLimit = 0, PropagationDelayMs = 0, Devices = 40, Projects = 3 };
            configure?.Invoke(options);
            return new RawApi(await EmulatorServer.StartAsync(options));
        }

        /// <summary>A caller holding the seeded organization admin's token.</summary>
        public async Task<Caller> AdminAsync() =>
            new Caller(this, await TokenAsync(Server.Credentials.KeyId, Server.Credentials.Secret, Server.Credentials.Email));

        /// <summary>POST /oauth2/token with a JWT signed by the key; the access token (fails the test on any other answer).</summary>
        public async Task<string> TokenAsync(string keyId, string secret, string email)
        {
            var (status, body) = await GrantAsync(keyId, secret, email);
            Assert.True(status == HttpStatusCode.OK, $"token request answered {(int)status}: {body}");
            return body["access_token"]!.GetValue<string>();
        }

        public async Task<(HttpStatusCode Status, JsonNode Body)> GrantAsync(string keyId, string secret, string email)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer", ["assertion"] = Jwt(keyId, secret, email) });
            using var response = await Http.PostAsync(Server.TokenEndpoint, form);
            var text = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!);
        }

        /// <summary>A caller for a new service account in <paramref name="projectId"/>, with a key and a token; a member of nothing yet.</summary>
        public async Task<NewAccount> NewServiceAccountAsync(Caller admin, string projectId, string displayName = "robot")
        {
            var account = await admin.OkAsync("POST", $"/projects/{projectId}/serviceaccounts", new JsonObject { ["displayName"] = displayName, ["enableBasicAuth"] = false });
            var id = account["name"]!.GetValue<string>().Split('/').Last();
            var key = await admin.OkAsync("POST", $"/projects/{projectId}/serviceaccounts/{id}/keys");
            var keyId = key["key"]!["id"]!.GetValue<string>();
            var secret = key["secret"]!.GetValue<string>();
            var email = account["email"]!.GetValue<string>();
            return new NewAccount(id, email, keyId, secret, new Caller(this, await TokenAsync(keyId, secret, email)));
        }

        /// <summary>A new project (as the admin) with no devices.</summary>
        public async Task<string> NewProjectAsync(Caller admin, string name = "Site")
        {
            var project = await admin.OkAsync("POST", "/projects", new JsonObject { ["organization"] = "organizations/" + OrganizationId, ["displayName"] = name });
            return project["name"]!.GetValue<string>()["projects/".Length..];
        }

        /// <summary>An invitation body: {"email","roles":["roles/…"]}.</summary>
        public static JsonObject Member(string email, params string[] roles) =>
            new JsonObject { ["email"] = email, ["roles"] = new JsonArray(roles.Select(r => (JsonNode?)("roles/" + r)).ToArray()) };

        public async Task AddFaultAsync(JsonObject fault)
        {
            using var content = new StringContent(fault.ToJsonString(), Encoding.UTF8, "application/json");
            using var response = await Http.PostAsync(new Uri(Server.BaseAddress, "_emulator/faults"), content);
            response.EnsureSuccessStatusCode();
        }

        public ValueTask DisposeAsync() => Server.DisposeAsync();

        /// <summary>An HS256 JWT-bearer assertion (dt-api.md §1), built here independently of Core.</summary>
        public string Jwt(string keyId, string secret, string email)
        {
            static string B64(byte[] b) => Convert.ToBase64String(b).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            var header = B64(Encoding.UTF8.GetBytes(new JsonObject { ["alg"] = "HS256", ["kid"] = keyId, ["typ"] = "JWT" }.ToJsonString()));
            var payload = B64(Encoding.UTF8.GetBytes(new JsonObject { ["iat"] = now, ["exp"] = now + 3600, ["aud"] = Server.TokenEndpoint.AbsoluteUri, ["iss"] = email }.ToJsonString()));
            using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
            return header + "." + payload + "." + B64(hmac.ComputeHash(Encoding.ASCII.GetBytes(header + "." + payload)));
        }

        public sealed record NewAccount(string Id, string Email, string KeyId, string Secret, Caller Caller)
        {
            public override string ToString() => Id; // the secret stays out of test output
        }

        /// <summary>Requests with one Authorization header value.</summary>
        public sealed class Caller
        {
            private readonly RawApi _api;

            public Caller(RawApi api, string token, string scheme = "Bearer")
            {
                _api = api;
                Authorization = scheme + " " + token;
            }

            public string Authorization { get; }

            public async Task<Answer> SendAsync(string method, string path, JsonNode? body = null)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), _api.Server.ApiRoot.AbsoluteUri + path);
                request.Headers.TryAddWithoutValidation("Authorization", Authorization);
                if (body != null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
                using var response = await Http.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                return new Answer((int)response.StatusCode, text);
            }

            /// <summary>A raw JSON body (for bodies of the wrong shape).</summary>
            public async Task<Answer> SendRawAsync(string method, string path, string json)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), _api.Server.ApiRoot.AbsoluteUri + path);
                request.Headers.TryAddWithoutValidation("Authorization", Authorization);
                request.Content = new StringContent(json, Encoding.UTF8, "application/json");
                using var response = await Http.SendAsync(request);
                return new Answer((int)response.StatusCode, await response.Content.ReadAsStringAsync());
            }

            /// <summary>The body of a 200 answer (fails the test on any other status).</summary>
            public async Task<JsonNode> OkAsync(string method, string path, JsonNode? body = null)
            {
                var answer = await SendAsync(method, path, body);
                Assert.True(answer.Status == 200, $"{method} {path} answered {answer.Status}: {answer.Text}");
                return answer.Json;
            }

            /// <summary>Every item of a paged list, following nextPageToken.</summary>
            public async Task<List<JsonNode>> ListAsync(string path, string key)
            {
                var items = new List<JsonNode>();
                var token = string.Empty;
                do
                {
                    var page = await OkAsync("GET", path + (path.Contains('?') ? "&" : "?") + "pageSize=2&pageToken=" + Uri.EscapeDataString(token));
                    items.AddRange(page[key]!.AsArray().Select(n => n!));
                    token = page["nextPageToken"]!.GetValue<string>();
                }
                while (token.Length > 0);
                return items;
            }
        }

        public sealed record Answer(int Status, string Text)
        {
            public JsonNode Json => JsonNode.Parse(Text)!;

            /// <summary>The DT error body's message (error-model.md §1: {"error","code","help"}), after checking its shape.</summary>
            public string DtError(int status)
            {
                Assert.True(Status == status, $"expected {status}, got {Status}: {Text}");
                Assert.Equal(status, Json["code"]!.GetValue<int>());
                return Json["error"]!.GetValue<string>();
            }
        }
    }
}
