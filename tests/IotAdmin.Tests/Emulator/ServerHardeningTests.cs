using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using IotAdmin.Emulator;
using Xunit;

namespace IotAdmin.Tests.EmulatorApi
{
    /// <summary>Issue 12 item 9: the emulator as a server — its binding, bodies of the wrong type, auth schemes, token faults.</summary>
    public class ServerHardeningTests
    {
        [Theory]
        [InlineData("POST", "/projects", "{\"displayName\":5}", "displayName")]
        [InlineData("POST", "/projects", "{\"organization\":5,\"displayName\":\"x\"}", "organization")]
        [InlineData("PATCH", "/projects/P", "{\"displayName\":5}", "displayName")]
        [InlineData("POST", "/projects/P/devices", "{\"type\":5}", "type")]
        [InlineData("POST", "/projects/P/devices", "{\"type\":\"touch\",\"labels\":{\"a\":5}}", "labels.a")]
        [InlineData("POST", "/projects/P/devices/D/labels", "{\"key\":5}", "key")]
        [InlineData("POST", "/projects/P/devices/D/labels", "{\"key\":\"k\",\"value\":[]}", "value")]
        [InlineData("PATCH", "/projects/P/devices/D/labels/name", "{\"value\":5}", "value")]
        public async Task A_field_of_the_wrong_JSON_type_is_400_with_a_DT_error_body_naming_it(string method, string path, string json, string field)
        {
            await using var api = await RawApi.StartAsync();
            var admin = await api.AdminAsync();
            var project = api.Server.ProjectIds[1];
            var device = (await admin.ListAsync($"/projects/{project}/devices", "devices"))[0]!["name"]!.GetValue<string>().Split('/')[3];
            var answer = await admin.SendRawAsync(method, path.Replace("/P", "/" + project).Replace("/D", "/" + device), json);
            Assert.Contains($"'{field}' must be", answer.DtError(400));
        }

        [Fact]
        public async Task A_device_of_an_unknown_type_is_not_created()
        {
            await using var api = await RawApi.StartAsync();
            var admin = await api.AdminAsync();
            var project = api.Server.ProjectIds[1];
            var before = (await admin.ListAsync($"/projects/{project}/devices", "devices")).Count;
            Assert.Contains("type 'nosuch' cannot be emulated", (await admin.SendAsync("POST", $"/projects/{project}/devices", new JsonObject { ["type"] = "nosuch" })).DtError(400));
            Assert.Equal(before, (await admin.ListAsync($"/projects/{project}/devices", "devices")).Count);
        }

        [Theory]
        [InlineData("bearer")]
        [InlineData("BEARER")]
        public async Task The_bearer_scheme_is_case_insensitive(string scheme)
        {
            await using var api = await RawApi.StartAsync();
            var token = await api.TokenAsync(api.Server.Credentials.KeyId, api.Server.Credentials.Secret, api.Server.Credentials.Email);
            Assert.Equal(200, (await new RawApi.Caller(api, token, scheme).SendAsync("GET", "/projects")).Status);
            (await new RawApi.Caller(api, token, "Token").SendAsync("GET", "/projects")).DtError(401);
        }

        [Fact]
        public async Task Faults_on_the_token_endpoint_fire()
        {
            await using var api = await RawApi.StartAsync(o => o.FaultRate = 1); // random faults never hit the token endpoint
            await api.AddFaultAsync(new JsonObject { ["method"] = "POST", ["path"] = "/oauth2/token", ["status"] = 503, ["count"] = 1, ["retryAfter"] = 2 });
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer", ["assertion"] = api.Jwt(api.Server.Credentials.KeyId, api.Server.Credentials.Secret, api.Server.Credentials.Email) });
            using var failed = await RawApi.Http.PostAsync(api.Server.TokenEndpoint, form);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
            Assert.Equal("2", string.Join(",", failed.Headers.GetValues("Retry-After")));
            Assert.Equal(503, JsonNode.Parse(await failed.Content.ReadAsStringAsync())!["code"]!.GetValue<int>());
            await api.TokenAsync(api.Server.Credentials.KeyId, api.Server.Credentials.Secret, api.Server.Credentials.Email);

            await api.AddFaultAsync(new JsonObject { ["path"] = "/oauth2/token", ["kind"] = "reset" });
            await Assert.ThrowsAsync<HttpRequestException>(() => api.GrantAsync(api.Server.Credentials.KeyId, api.Server.Credentials.Secret, api.Server.Credentials.Email));
        }

        [Theory]
        [InlineData("http://[::ffff:127.0.0.1]:0", "IPv4-mapped")]
        [InlineData("http://0.0.0.0:0", "not a loopback address")]
        [InlineData("http://example.com:0", "not a loopback address")]
        [InlineData("https://127.0.0.1:0", "must be an http URL")]
        public async Task Only_a_plain_loopback_address_is_accepted(string urls, string message)
        {
            var e = await Assert.ThrowsAsync<ArgumentException>(() => EmulatorServer.StartAsync(new EmulatorOptions { Urls = urls, Quiet = true }));
            Assert.Contains(message, e.Message);
        }

        [Fact]
        public async Task The_process_refuses_an_IPv4_mapped_address_with_exit_code_2()
        {
            var (exit, _, stderr) = await RunEmulatorAsync(Path.GetTempPath(), new Dictionary<string, string>(), "--urls", "http://[::ffff:127.0.0.1]:5599");
            Assert.Equal(2, exit);
            Assert.Contains("IPv4-mapped", stderr);
        }

        [Fact]
        public async Task Ambient_configuration_adds_no_endpoint()
        {
            var directory = Directory.CreateTempSubdirectory("iotadmin-emu-").FullName;
            try
            {
                var (fromEnvironment, fromFile, fromUrls) = (FreePort(), FreePort(), FreePort());
                File.WriteAllText(Path.Combine(directory, "appsettings.json"), $"{{\"Kestrel\":{{\"Endpoints\":{{\"File\":{{\"Url\":\"http://127.0.0.1:{fromFile}\"}}}}}},\"urls\":\"http://127.0.0.1:{fromFile}\"}}");
                var environment = new Dictionary<string, string>
                {
                    ["Kestrel__Endpoints__Env__Url"] = $"http://127.0.0.1:{fromEnvironment}",
                    ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{fromUrls}",
                };
                var credentials = Path.Combine(directory, "emu.json");
                var run = RunEmulatorAsync(directory, environment, "--urls", "http://127.0.0.1:0", "--credentials-file", credentials, "--devices", "5");
                try
                {
                    var endpoint = await WaitForTokenEndpointAsync(credentials, run);
                    Assert.Equal("127.0.0.1", endpoint.Host);
                    Assert.DoesNotContain(endpoint.Port, new[] { fromEnvironment, fromFile, fromUrls });
                    using (var control = await RawApi.Http.GetAsync(new Uri(endpoint, "/_emulator/stats"))) Assert.Equal(HttpStatusCode.OK, control.StatusCode);
                    foreach (var port in new[] { fromEnvironment, fromFile, fromUrls }) Assert.False(Listens(port), $"something listens on 127.0.0.1:{port}");
                }
                finally
                {
                    StopRunning();
                    await run;
                }
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        [Fact]
        public async Task The_process_stops_on_SIGTERM()
        {
            if (OperatingSystem.IsWindows()) return; // no SIGTERM there
            var directory = Directory.CreateTempSubdirectory("iotadmin-emu-").FullName;
            try
            {
                var credentials = Path.Combine(directory, "emu.json");
                var run = RunEmulatorAsync(directory, new Dictionary<string, string>(), "--urls", "http://127.0.0.1:0", "--credentials-file", credentials, "--devices", "5");
                try
                {
                    await WaitForTokenEndpointAsync(credentials, run);
                    using (var kill = Process.Start("kill", new[] { "-TERM", _running!.Id.ToString() })) await kill.WaitForExitAsync();
                    var (exit, _, _) = await run.WaitAsync(TimeSpan.FromSeconds(20));
                    Assert.Equal(0, exit);
                }
                finally
                {
                    StopRunning();
                }
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        private Process? _running;

        /// <summary>Kills the emulator this test started, if it still runs.</summary>
        private void StopRunning()
        {
            if (_running is { HasExited: false } p) p.Kill();
        }

        /// <summary>Runs the built emulator (dotnet IotAdmin.Emulator.dll) in a directory; its exit code and output.</summary>
        private async Task<(int Exit, string Stdout, string Stderr)> RunEmulatorAsync(string workingDirectory, Dictionary<string, string> environment, params string[] args)
        {
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "IotAdmin.Emulator.dll"));
            foreach (var a in args) start.ArgumentList.Add(a);
            foreach (var e in environment) start.Environment[e.Key] = e.Value;
            using var process = Process.Start(start)!;
            _running = process;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            try
            {
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            }
            finally
            {
                if (!process.HasExited) process.Kill();
                _running = null;
            }

            return (process.ExitCode, await stdout, await stderr);
        }

        private static async Task<Uri> WaitForTokenEndpointAsync(string credentialsFile, Task running)
        {
            for (var i = 0; i < 600 && !running.IsCompleted; i++)
            {
                if (File.Exists(credentialsFile))
                    return new Uri(JsonNode.Parse(await File.ReadAllTextAsync(credentialsFile))!["serviceAccount"]!["tokenEndpoint"]!.GetValue<string>());
                await Task.Delay(50);
            }

            var (exit, stdout, stderr) = running.IsCompleted ? await (Task<(int, string, string)>)running : (-1, "", "");
            throw new Xunit.Sdk.XunitException($"the emulator did not write its credentials file (exit {exit}): {stdout} {stderr}");
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        private static bool Listens(int port)
        {
            using var client = new TcpClient();
            try
            {
                client.Connect(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }
    }
}
