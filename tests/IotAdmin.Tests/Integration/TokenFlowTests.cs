using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Http;
using IotAdmin.Tests.Support;
using Xunit;

namespace IotAdmin.Tests.Integration
{
    /// <summary>The OAuth2 JWT-bearer grant against the emulator (dt-api.md §1), through Core and raw.</summary>
    public class TokenFlowTests : IClassFixture<SmallFleetFixture>
    {
        private static readonly HttpClient Http = new HttpClient();
        private readonly SmallFleetFixture _f;

        public TokenFlowTests(SmallFleetFixture fixture) => _f = fixture;

        [Fact]
        public async Task A_wrong_secret_is_an_authentication_failure()
        {
            var e = await Assert.ThrowsAsync<IotApiException>(() => _f.Emulator.ConnectAsync(credential: _f.Emulator.Credential(secret: "wrong-secret")));
            Assert.Equal(IotErrorCategory.AuthenticationError, e.Category);
            Assert.Equal("IotApiUnauthenticated", e.ErrorId);
            Assert.Equal("invalid_grant", e.Reason);
            Assert.Equal("bad signature", e.ServerMessage);
            Assert.Equal(400, e.StatusCode);
            Assert.False(e.IsRetryable);
        }

        [Fact]
        public async Task A_wrong_key_id_is_an_authentication_failure()
        {
            var e = await Assert.ThrowsAsync<IotApiException>(() => _f.Emulator.ConnectAsync(credential: _f.Emulator.Credential(keyId: "nosuchkey")));
            Assert.Equal(IotErrorCategory.AuthenticationError, e.Category);
            Assert.Contains("unknown key id", e.ServerMessage);
        }

        [Theory]
        [InlineData("aud", "https://example.com/oauth2/token", "aud must be the token endpoint")]
        [InlineData("lifetime", "7200", "at most one hour")]
        [InlineData("expired", "-7200", "has expired")]
        [InlineData("future", "600", "iat is in the future")]
        public async Task The_token_endpoint_checks_the_assertion(string what, string value, string expected)
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            var aud = what == "aud" ? value : _f.Emulator.Server.TokenEndpoint.AbsoluteUri;
            var iat = what is "expired" or "future" ? now + long.Parse(value) : now;
            var exp = what == "lifetime" ? iat + long.Parse(value) : iat + 3600;
            if (what == "expired") exp = now - 3600;
            var answer = await PostAsync(Jwt(aud, iat, exp));
            Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
            Assert.Equal("invalid_grant", answer.Body.GetProperty("error").GetString());
            Assert.Contains(expected, answer.Body.GetProperty("error_description").GetString());
        }

        [Fact]
        public async Task A_good_assertion_gets_a_bearer_token_that_the_api_accepts()
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            var answer = await PostAsync(Jwt(_f.Emulator.Server.TokenEndpoint.AbsoluteUri, now, now + 3600));
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            Assert.Equal("Bearer", answer.Body.GetProperty("token_type").GetString());
            Assert.Equal(3600, answer.Body.GetProperty("expires_in").GetInt32());
            using var request = new HttpRequestMessage(HttpMethod.Get, _f.Emulator.ApiRoot + "/projects");
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", answer.Body.GetProperty("access_token").GetString());
            using var response = await Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        [Fact]
        public async Task The_wrong_grant_type_and_an_unknown_bearer_token_are_refused()
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["assertion"] = "x" });
            using var grant = await Http.PostAsync(_f.Emulator.Server.TokenEndpoint, form);
            Assert.Equal(HttpStatusCode.BadRequest, grant.StatusCode);
            Assert.Contains("unsupported_grant_type", await grant.Content.ReadAsStringAsync());

            using var request = new HttpRequestMessage(HttpMethod.Get, _f.Emulator.ApiRoot + "/projects");
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "made-up");
            using var response = await Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(401, body.GetProperty("code").GetInt32());
            Assert.Equal("https://docs.d21s.com/error/#401", body.GetProperty("help").GetString());
        }

        [Fact]
        public async Task The_google_error_style_is_read_end_to_end()
        {
            await using var google = await Emulator.StartAsync(o => { o.ErrorStyle = "google"; o.Devices = 10; });
            using var session = await google.ConnectAsync(TestSessions.Unlimited(1));
            var e = await Assert.ThrowsAsync<IotApiException>(() => session.Backend.GetProjectAsync("c0nosuchprojectxxxxx", ApiCallContext.Silent(), CancellationToken.None));
            Assert.Equal("NOT_FOUND", e.Status);
            Assert.Equal("emulator.iotadmin.local", e.Domain);
            Assert.Equal("NOT_FOUND", e.Reason);
            Assert.Contains("project 'c0nosuchprojectxxxxx' not found", e.ServerMessage);
        }

        private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string jwt)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer", ["assertion"] = jwt });
            using var response = await Http.PostAsync(_f.Emulator.Server.TokenEndpoint, form);
            return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
        }

        /// <summary>A JWT built here, independently of Core's, so the emulator's checks are tested on their own.</summary>
        private string Jwt(string aud, long iat, long exp)
        {
            var c = _f.Emulator.Server.Credentials;
            static string B64(byte[] b) => Convert.ToBase64String(b).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            var header = B64(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { alg = "HS256", kid = c.KeyId, typ = "JWT" })));
            var payload = B64(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { iat, exp, aud, iss = c.Email })));
            using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(c.Secret));
            return header + "." + payload + "." + B64(hmac.ComputeHash(Encoding.ASCII.GetBytes(header + "." + payload)));
        }
    }
}
