using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Http;
using IotAdmin.Operations;
using IotAdmin.Operations.Onboarding;
using IotAdmin.Sessions;
using IotAdmin.Tests.Support;
using Xunit;

namespace IotAdmin.Tests.Onboarding
{
    /// <summary>Claims and emulated devices are DT's: a Cloud IoT Core session is refused before any request, saying why.</summary>
    public class OnboardingProviderTests
    {
        [Fact]
        public async Task A_google_session_is_refused_with_UNIMPLEMENTED_before_any_request()
        {
            await using var emulator = await Integration.Emulator.StartAsync(o => { o.Devices = 5; o.Projects = 1; });
            var keyFile = Path.Combine(Path.GetTempPath(), "iotadmin-google-" + Guid.NewGuid().ToString("N") + ".json");
            await File.WriteAllTextAsync(keyFile, emulator.Server.GoogleKeyFileJson);
            try
            {
                var options = new IotSessionOptions { RateLimit = new RateLimitOptions(0, TimeSpan.FromSeconds(10)) };
                var request = new ConnectRequest { Provider = "GoogleIotCore", KeyFile = keyFile, Endpoint = emulator.Server.GoogleApiRoot.AbsoluteUri, Options = options };
                using var session = await ConnectOperation.ConnectAsync(request, new RecordingOutput(), new SessionDependencies { Limiter = new ClientRateLimiter(options.RateLimit!, TimeProvider.System) }, CancellationToken.None);
                var before = (await emulator.StatsAsync()).ApiRequests();
                var e = Assert.Throws<IotApiException>(() => new ClaimOperation(session, "p1", 1000, false));
                Assert.Equal("IotApiUnimplemented", e.ErrorId);
                Assert.Contains("DT API", e.Message);
                await Assert.ThrowsAsync<IotApiException>(() => GetClaimInfoOperation.RunAsync(session, new[] { "kit1" }, new RecordingOutput(), CancellationToken.None));
                Assert.Equal(before, (await emulator.StatsAsync()).ApiRequests());
            }
            finally
            {
                File.Delete(keyFile);
            }
        }
    }
}
