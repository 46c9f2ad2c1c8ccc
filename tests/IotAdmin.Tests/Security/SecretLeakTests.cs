using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Auth;
using IotAdmin.Http;
using IotAdmin.Operations;
using IotAdmin.Output;
using IotAdmin.Tests.Support;
using Xunit;

namespace IotAdmin.Tests.Security
{
    /// <summary>The key secret and the access token never reach an exception, a ToString, or any output stream.</summary>
    public class SecretLeakTests
    {
        private readonly FakeTimeProvider _time = new FakeTimeProvider();

        [Fact]
        public async Task No_secret_or_token_in_exceptions_output_or_to_string()
        {
            var stub = new StubHandler(_time)
                .Then(401).Then(401)                                                    // auth failure after one refresh
                .Then(500, "{\"error\":\"boom\",\"code\":500}").Then(429)               // retried 500, then unretried quota
                .Then(400, "{\"error\":{\"code\":400,\"message\":\"bad\",\"status\":\"INVALID_ARGUMENT\"}}");
            var output = new RecordingOutput();
            var options = TestSessions.Unlimited(maxAttempts: 2);
            var session = await TestSessions.ConnectAsync("http://127.0.0.1:1/v2", stub, _time, options, output: output);
            var texts = new List<string> { session.ToString(), TestSessions.Credential().ToString() };
            for (var i = 0; i < 3; i++)
            {
                var e = await Assert.ThrowsAsync<IotApiException>(() => _time.RunAsync(GetProjectsAsync(session, output)));
                texts.Add(e.ToString());
                texts.Add(e.Message);
                texts.Add(e.RecommendedAction);
                texts.Add(IotErrorInfo.FromApi(e).ToString());
            }

            texts.AddRange(output.AllText());
            var tokens = Enumerable.Range(1, 10).Select(n => "token-" + n).ToList();
            Assert.NotEmpty(output.VerboseMessages);
            Assert.NotEmpty(output.DebugMessages);
            foreach (var text in texts)
            {
                Assert.DoesNotContain(TestSessions.Secret, text);
                foreach (var token in tokens) Assert.DoesNotContain(token, text);
            }

            // The requests did carry them: the check above is not vacuous.
            Assert.Contains(stub.Requests, r => r.Authorization == "Bearer token-1");
        }

        [Fact]
        public void Jwt_is_signed_with_the_secret_but_does_not_contain_it()
        {
            var jwt = JwtAssertion.Create(TestSessions.Credential(), new Uri("http://127.0.0.1:5080/oauth2/token"), _time.GetUtcNow());
            Assert.DoesNotContain(TestSessions.Secret, jwt);
            var parts = jwt.Split('.');
            Assert.Equal(3, parts.Length);
            var payload = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(Pad(parts[1])));
            Assert.Contains("\"iss\":\"sa@example.org\"", payload);
            Assert.Contains("\"aud\":\"http://127.0.0.1:5080/oauth2/token\"", payload);
            using var hmac = new System.Security.Cryptography.HMACSHA256(System.Text.Encoding.UTF8.GetBytes(TestSessions.Secret));
            var expected = JwtAssertion.Base64Url(hmac.ComputeHash(System.Text.Encoding.ASCII.GetBytes(parts[0] + "." + parts[1])));
            Assert.Equal(expected, parts[2]);
        }

        private static async Task GetProjectsAsync(Sessions.IotSession session, RecordingOutput output)
        {
            // Called directly (not through GetProjectOperation) so every failure surfaces as an exception.
            await session.Api.SendAsync(new ApiRequest(HttpMethod.Get, "projects"), Wire.WireJsonContext.Default.ProjectPage, new ApiCallContext(output), CancellationToken.None);
        }

        private static string Pad(string b64url)
        {
            var s = b64url.Replace('-', '+').Replace('_', '/');
            return s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
        }
    }
}
