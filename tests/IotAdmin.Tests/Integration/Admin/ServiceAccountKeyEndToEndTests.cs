using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Auth;
using IotAdmin.Errors;
using IotAdmin.Models;
using IotAdmin.Operations;
using IotAdmin.Operations.Admin;
using IotAdmin.Output;
using IotAdmin.Tests.Support;
using Xunit;

namespace IotAdmin.Tests.Integration.Admin
{
    /// <summary>Issue 15: service accounts and keys; the 10-key limit; the credentials file; the secret shown once and nowhere else.</summary>
    public class ServiceAccountKeyEndToEndTests
    {
        [Fact]
        public async Task An_account_is_created_changed_listed_and_removed_with_its_keys()
        {
            await using var emulator = await Emulator.StartAsync(o => { o.Devices = 5; o.Projects = 2; });
            using var session = await emulator.ConnectAsync();
            var project = emulator.Server.ProjectIds[1];
            var account = await AdminHarness.SingleAsync<IotServiceAccount>(session, (c, ct) => ServiceAccountOperations.NewAsync(c, project, "ingest", false, ct));
            Assert.Equal(project, account.ProjectId);
            Assert.EndsWith("@" + project + ".serviceaccount.d21s.com", account.Email);
            var changed = await AdminHarness.SingleAsync<IotServiceAccount>(session, (c, ct) => ServiceAccountOperations.SetAsync(c, project, account.ServiceAccountId, null, true, true, ct));
            Assert.True(changed.EnableBasicAuth);
            Assert.Equal("ingest", changed.DisplayName);

            var key = await AdminHarness.SingleAsync<IotNewServiceAccountKey>(session, (c, ct) => ServiceAccountKeyOperations.NewAsync(c, project, account.ServiceAccountId, null, false, ct));
            var keys = (await AdminHarness.RunAsync(session, (c, ct) => ServiceAccountKeyOperations.GetAsync(c, project, account.ServiceAccountId, null, ct))).Objects.Cast<IotServiceAccountKey>().ToList();
            Assert.Equal(key.KeyId, Assert.Single(keys).KeyId);
            Assert.Equal(account.ServiceAccountId, keys[0].ServiceAccountId);

            var listed = (await AdminHarness.RunAsync(session, (c, ct) => ServiceAccountOperations.GetAsync(c, project, null, ct))).Objects.Cast<IotServiceAccount>();
            Assert.Contains(listed, a => a.ServiceAccountId == account.ServiceAccountId);
            Assert.Empty((await AdminHarness.RunAsync(session, (c, ct) => ServiceAccountOperations.RemoveAsync(c, project, account.ServiceAccountId, ct))).Errors);
            var gone = await AdminHarness.RunAsync(session, (c, ct) => ServiceAccountKeyOperations.GetAsync(c, project, account.ServiceAccountId, null, ct));
            Assert.Equal(CanonicalStatus.NotFound, AdminHarness.SingleApiError(gone).Status);
        }

        [Fact]
        public async Task The_eleventh_key_is_refused_with_the_limit_in_the_hint_and_a_deleted_key_gets_no_token()
        {
            await using var emulator = await Emulator.StartAsync(o => { o.Devices = 5; o.Projects = 2; });
            using var session = await emulator.ConnectAsync();
            var project = emulator.Server.ProjectIds[1];
            var (account, first, accountSession) = await AdminHarness.NewAccountSessionAsync(emulator, session, project, "many-keys");
            accountSession.Dispose();
            for (var i = 1; i < AdminRules.MaxKeysPerServiceAccount; i++)
                await AdminHarness.SingleAsync<IotNewServiceAccountKey>(session, (c, ct) => ServiceAccountKeyOperations.NewAsync(c, project, account.ServiceAccountId, null, false, ct));
            var eleventh = await AdminHarness.RunAsync(session, (c, ct) => ServiceAccountKeyOperations.NewAsync(c, project, account.ServiceAccountId, null, false, ct));
            var e = AdminHarness.SingleApiError(eleventh);
            Assert.Equal(400, e.StatusCode);
            Assert.Contains("at most 10 keys", e.RecommendedAction);
            Assert.Empty(eleventh.Objects);

            Assert.Empty((await AdminHarness.RunAsync(session, (c, ct) => ServiceAccountKeyOperations.RemoveAsync(c, project, account.ServiceAccountId, first.KeyId, ct))).Errors);
            var refused = await Assert.ThrowsAsync<IotApiException>(() => emulator.ConnectAsync(credential: new ServiceAccountCredential(first.KeyId, first.Secret, first.Email)));
            Assert.Equal(IotErrorCategory.AuthenticationError, refused.Category);
        }

        [Fact]
        public async Task The_credentials_file_is_owner_only_connects_and_is_not_overwritten_without_force()
        {
            await using var emulator = await Emulator.StartAsync(o => { o.Devices = 5; o.Projects = 2; });
            using var session = await emulator.ConnectAsync();
            var project = emulator.Server.ProjectIds[1];
            var account = await AdminHarness.SingleAsync<IotServiceAccount>(session, (c, ct) => ServiceAccountOperations.NewAsync(c, project, "runbook", false, ct));
            await AdminHarness.RunAsync(session, (c, ct) => AccessEndToEndTests.AddAllAsync(new AddMemberOperation(c.Session, 100, false), c.Output, new[] { ((string?)project, account.Email, "project.developer") }, ct));
            var folder = Directory.CreateTempSubdirectory("iotadmin-keys-").FullName;
            try
            {
                var path = Path.Combine(folder, "runbook.json");
                var key = await AdminHarness.SingleAsync<IotNewServiceAccountKey>(session, (c, ct) => ServiceAccountKeyOperations.NewAsync(c, project, account.ServiceAccountId, path, false, ct));
                Assert.Equal(path, key.OutFile);
                if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));

                var fromFile = ServiceAccountCredential.FromFile(path);
                Assert.Equal(key.KeyId, fromFile.KeyId);
                Assert.Equal(account.Email, fromFile.Email);
                Assert.Equal(emulator.Server.TokenEndpoint, fromFile.TokenEndpoint);
                using var connected = await ConnectOperation.ConnectAsync(new ConnectRequest { CredentialsFile = path, Endpoint = emulator.ApiRoot, Options = TestSessions.Unlimited() }, new RecordingOutput(), CancellationToken.None);
                var projects = new RecordingOutput();
                await GetProjectOperation.RunAsync(connected, null, null, null, projects, CancellationToken.None);
                Assert.Equal(project, Assert.IsType<IotProject>(Assert.Single(projects.Objects)).ProjectId);

                var before = await emulator.StatsAsync();
                var refused = await AdminHarness.RunAsync(session, (c, ct) => ServiceAccountKeyOperations.NewAsync(c, project, account.ServiceAccountId, path, false, ct));
                Assert.Equal(ClientErrorIds.FileExists, Assert.Single(refused.Errors).ErrorId);
                Assert.Equal((await emulator.StatsAsync()).ApiRequests(), before.ApiRequests());
                Assert.Equal(key.KeyId, ServiceAccountCredential.FromFile(path).KeyId);

                var replaced = await AdminHarness.SingleAsync<IotNewServiceAccountKey>(session, (c, ct) => ServiceAccountKeyOperations.NewAsync(c, project, account.ServiceAccountId, path, true, ct));
                Assert.Equal(replaced.KeyId, ServiceAccountCredential.FromFile(path).KeyId);
                if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }
            finally
            {
                Directory.Delete(folder, true);
            }
        }

        [Fact]
        public async Task The_secret_of_a_new_key_is_in_the_secure_string_and_the_file_and_in_no_text()
        {
            await using var emulator = await Emulator.StartAsync(o => { o.Devices = 5; o.Projects = 2; });
            var output = new RecordingOutput();
            using var session = await emulator.ConnectAsync(output: output);
            var project = emulator.Server.ProjectIds[1];
            var account = await AdminHarness.SingleAsync<IotServiceAccount>(session, (c, ct) => ServiceAccountOperations.NewAsync(c, project, "leak-check", false, ct));
            var folder = Directory.CreateTempSubdirectory("iotadmin-keys-").FullName;
            try
            {
                var path = Path.Combine(folder, "k.json");
                var call = new AdminCall(session, output, "test");
                await ServiceAccountKeyOperations.NewAsync(call, project, account.ServiceAccountId, path, false, CancellationToken.None);
                // An error path too: the same account's key over a file that exists.
                await ServiceAccountKeyOperations.NewAsync(call, project, account.ServiceAccountId, path, false, CancellationToken.None);
                var key = Assert.IsType<IotNewServiceAccountKey>(Assert.Single(output.Objects));
                var secret = AdminHarness.Plain(key.Secret);
                Assert.Matches("^[0-9a-f]{32}$", secret);
                Assert.Contains(secret, File.ReadAllText(path));
                Assert.True(key.Secret.IsReadOnly());

                Assert.NotEmpty(output.VerboseMessages);
                Assert.NotEmpty(output.DebugMessages);
                Assert.NotEmpty(output.Errors);
                var texts = new List<string>(output.AllText()) { key.ToString(), session.ToString(), key.Secret.ToString()! };
                texts.AddRange(typeof(IotNewServiceAccountKey).GetProperties().Where(p => p.PropertyType != typeof(System.Security.SecureString)).Select(p => p.GetValue(key)?.ToString() ?? string.Empty));
                foreach (var text in texts) Assert.DoesNotContain(secret, text);
            }
            finally
            {
                Directory.Delete(folder, true);
            }
        }
    }
}
