using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Auth;
using IotAdmin.Operations;
using IotAdmin.Sessions;
using IotAdmin.Tests.Support;
using Xunit;

namespace IotAdmin.Tests.Faults
{
    /// <summary>Issue 12, items 2 and 8: Connect-IotAdmin proves the address and the API root, and fails fast and clearly.</summary>
    public class ConnectFaultTests
    {
        [Fact]
        public async Task A_refused_port_fails_after_one_quick_retry_naming_what_to_check()
        {
            var output = new RecordingOutput();
            var e = await Assert.ThrowsAsync<IotApiException>(() => ConnectOperation.ConnectAsync(Request("http://127.0.0.1:" + ClosedPort() + "/v2"), output, Dependencies(), CancellationToken.None));

            Assert.Equal("IotApiConnectionFailed", e.ErrorId);
            Assert.Equal(2, e.Attempts);
            Assert.StartsWith("Do not retry: nothing answers at that address", e.RecommendedAction);
            Assert.Contains(output.VerboseMessages, m => m.Contains("(attempt 2 of 2)"));
        }

        [Fact]
        public async Task A_wrong_api_root_fails_at_connect_not_at_the_first_command()
        {
            await using var emulator = await Integration.Emulator.StartAsync();
            var request = Request(new Uri(emulator.Server.BaseAddress, "api").AbsoluteUri, emulator);
            request.TokenEndpoint = emulator.Server.TokenEndpoint.AbsoluteUri;
            var e = await Assert.ThrowsAsync<IotApiException>(() => ConnectOperation.ConnectAsync(request, new RecordingOutput(), Dependencies(), CancellationToken.None));

            Assert.Equal("IotApiNotFound", e.ErrorId);
            Assert.Contains("does not answer like the API root", e.RecommendedAction);
        }

        [Fact]
        public async Task An_endpoint_that_goes_on_after_the_version_is_refused_before_any_request()
        {
            var e = await Assert.ThrowsAsync<ArgumentException>(() => ConnectOperation.ConnectAsync(Request("http://127.0.0.1:1/v2/projects"), new RecordingOutput(), Dependencies(), CancellationToken.None));
            Assert.Equal("Endpoint", e.ParamName);
            Assert.Contains("give the API root, e.g. 'http://127.0.0.1:1/v2'", e.Message);
        }

        [Fact]
        public async Task A_credentials_file_without_endpoint_sends_api_calls_to_its_token_endpoints_host()
        {
            await using var emulator = await Integration.Emulator.StartAsync();
            var file = Path.Combine(Path.GetTempPath(), "iotadmin-cred-" + Guid.NewGuid().ToString("N") + ".json");
            var c = emulator.Server.Credentials;
            await File.WriteAllTextAsync(file, "{\"serviceAccount\":{\"keyId\":\"" + c.KeyId + "\",\"secret\":\"" + c.Secret + "\",\"email\":\"" + c.Email + "\",\"tokenEndpoint\":\"" + emulator.Server.TokenEndpoint.AbsoluteUri + "\"}}");
            try
            {
                var output = new RecordingOutput();
                using var session = await ConnectOperation.ConnectAsync(new ConnectRequest { CredentialsFile = file, Options = TestSessions.Unlimited() }, output, Dependencies(), CancellationToken.None);
                Assert.Equal(emulator.Server.ApiRoot.AbsoluteUri + "/", session.Endpoint.AbsoluteUri);
                Assert.Contains(output.VerboseMessages, m => m.StartsWith("No -Endpoint: the token endpoint"));
                Assert.Empty(output.Warnings);
            }
            finally
            {
                File.Delete(file);
            }
        }

        [Theory]
        [InlineData("https://api.disruptive-technologies.com/v2/", "https://identity.disruptive-technologies.com/oauth2/token", true)]
        [InlineData("https://cloudiot.googleapis.com/v1/", "https://oauth2.googleapis.com/token", true)]
        [InlineData("http://127.0.0.1:5080/v2/", "http://127.0.0.1:5080/oauth2/token", true)]
        [InlineData("https://api.disruptive-technologies.com/v2/", "http://127.0.0.1:5080/oauth2/token", false)]
        [InlineData("https://api.example.org/v2/", "https://evil-disruptive-technologies.com/oauth2/token", false)]
        public void Token_and_api_hosts_are_one_site_only_for_the_same_host_or_the_providers_pair(string api, string token, bool same)
        {
            Assert.Equal(same, IotEndpoint.SameSite(new Uri(api), new Uri(token)));
        }

        [Fact]
        public void A_dt_token_endpoint_keeps_the_public_api_and_any_other_names_the_api_host()
        {
            Assert.Null(IotEndpoint.ApiRootBesideTokenEndpoint("https://identity.disruptive-technologies.com/oauth2/token", "v2"));
            Assert.Equal("http://127.0.0.1:5080/v2/", IotEndpoint.ApiRootBesideTokenEndpoint("http://127.0.0.1:5080/oauth2/token", "v2")!.AbsoluteUri);
        }

        [Fact]
        public async Task A_corrupted_google_key_file_is_an_invalid_argument_naming_the_file()
        {
            await using var emulator = await Integration.Emulator.StartAsync();
            var good = System.Text.Json.Nodes.JsonNode.Parse(emulator.Server.GoogleKeyFileJson)!;
            var pem = good["private_key"]!.GetValue<string>();
            var file = Path.Combine(Path.GetTempPath(), "iotadmin-badkey-" + Guid.NewGuid().ToString("N") + ".json");
            try
            {
                foreach (var corrupted in new[] { Corrupt(pem, 0.5), Corrupt(pem, 0.2), pem.Substring(0, pem.Length / 2) + "\n-----END PRIVATE KEY-----\n" })
                {
                    good["private_key"] = corrupted;
                    await File.WriteAllTextAsync(file, good.ToJsonString());
                    var e = Assert.Throws<ArgumentException>(() => GoogleServiceAccountKey.FromFile(file));
                    Assert.Equal("KeyFile", e.ParamName);
                    Assert.Contains(file, e.Message);
                }
            }
            finally
            {
                File.Delete(file);
            }
        }

        /// <summary>A PEM whose base64 body has a run of characters replaced: the DER frame may survive, the key does not.</summary>
        private static string Corrupt(string pem, double at)
        {
            var begin = pem.IndexOf("-----\n", StringComparison.Ordinal) + 6;
            var end = pem.IndexOf("-----END", StringComparison.Ordinal);
            var i = begin + (int)((end - begin) * at);
            var chars = pem.ToCharArray();
            for (var k = i; k < i + 40 && k < end; k++) if (chars[k] != '\n') chars[k] = chars[k] == 'A' ? 'B' : 'A';
            return new string(chars);
        }

        private static ConnectRequest Request(string endpoint, Integration.Emulator? emulator = null) => new ConnectRequest
        {
            Endpoint = endpoint,
            KeyId = emulator?.Server.Credentials.KeyId ?? "key-1",
            Secret = ServiceAccountCredential.ToSecure(emulator?.Server.Credentials.Secret ?? TestSessions.Secret),
            Email = emulator?.Server.Credentials.Email ?? "sa@example.org",
            Options = TestSessions.Unlimited(),
        };

        private static SessionDependencies Dependencies() => new SessionDependencies { Jitter = () => 0, Limiter = new IotAdmin.Http.ClientRateLimiter(IotAdmin.Http.RateLimitOptions.Default, TimeProvider.System) };

        /// <summary>A loopback port nothing listens on (bound, then released).</summary>
        private static int ClosedPort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }
}
