using System;
using System.Linq;
using System.Net;
using System.Runtime.InteropServices;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Auth;
using IotAdmin.Models;
using IotAdmin.Operations.Admin;
using IotAdmin.Sessions;
using IotAdmin.Tests.Support;
using Xunit;

namespace IotAdmin.Tests.Integration.Admin
{
    /// <summary>Runs administration operations as the cmdlets do (an AdminCall per command), recording what they emit.</summary>
    internal static class AdminHarness
    {
        public static async Task<RecordingOutput> RunAsync(IotSession session, Func<AdminCall, CancellationToken, Task> work, bool shouldProcess = true)
        {
            var output = new RecordingOutput { ShouldProcessAnswer = shouldProcess };
            await work(new AdminCall(session, output, "test"), CancellationToken.None);
            return output;
        }

        /// <summary>Runs <paramref name="work"/> and returns its one object, failing on any error.</summary>
        public static async Task<T> SingleAsync<T>(IotSession session, Func<AdminCall, CancellationToken, Task> work)
        {
            var output = await RunAsync(session, work);
            Assert.True(output.Errors.Count == 0, string.Join("; ", output.Errors.Select(e => e.Message)));
            return Assert.IsType<T>(Assert.Single(output.Objects));
        }

        /// <summary>The only error <paramref name="output"/> holds, as the API exception it came from.</summary>
        public static IotApiException SingleApiError(RecordingOutput output) => Assert.IsType<IotApiException>(Assert.Single(output.Errors).Exception);

        /// <summary>A new service account in <paramref name="projectId"/> with one key, and a session connected with that key.</summary>
        public static async Task<(IotServiceAccount Account, IotNewServiceAccountKey Key, IotSession Session)> NewAccountSessionAsync(Emulator emulator, IotSession admin, string projectId, string name)
        {
            var account = await SingleAsync<IotServiceAccount>(admin, (c, ct) => ServiceAccountOperations.NewAsync(c, projectId, name, false, ct));
            var key = await SingleAsync<IotNewServiceAccountKey>(admin, (c, ct) => ServiceAccountKeyOperations.NewAsync(c, projectId, account.ServiceAccountId, null, false, ct));
            var session = await emulator.ConnectAsync(credential: new ServiceAccountCredential(key.KeyId, key.Secret, key.Email));
            return (account, key, session);
        }

        /// <summary>The secret's text, for tests that must prove it is nowhere else.</summary>
        public static string Plain(SecureString secret) => new NetworkCredential(string.Empty, secret).Password;
    }
}
