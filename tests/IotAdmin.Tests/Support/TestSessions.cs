using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Auth;
using IotAdmin.Http;
using IotAdmin.Sessions;

namespace IotAdmin.Tests.Support
{
    /// <summary>Sessions for tests: a private limiter (never the process-wide one), an injected clock and handler, no jitter.</summary>
    internal static class TestSessions
    {
        public const string Secret = "s3cr3t-SECRET-value-never-printed";

        public static ServiceAccountCredential Credential(string keyId = "key-1", string secret = Secret, string email = "sa@example.org") =>
            new ServiceAccountCredential(keyId, ServiceAccountCredential.ToSecure(secret), email);

        public static async Task<IotSession> ConnectAsync(
            string endpoint,
            HttpMessageHandler? handler,
            TimeProvider? time = null,
            IotSessionOptions? options = null,
            ServiceAccountCredential? credential = null,
            RecordingOutput? output = null,
            string? tokenEndpoint = null)
        {
            options ??= new IotSessionOptions();
            var clock = time ?? TimeProvider.System;
            var deps = new SessionDependencies
            {
                Time = clock,
                Handler = handler,
                Limiter = new ClientRateLimiter(options.RateLimit ?? RateLimitOptions.Default, clock),
                Jitter = () => 0,
            };
            return await IotSession.ConnectAsync(endpoint, tokenEndpoint, credential ?? Credential(), options, new ApiCallContext(output ?? new RecordingOutput()), deps, CancellationToken.None);
        }

        /// <summary>Options without a client-side limit, for tests of the retry rules alone.</summary>
        public static IotSessionOptions Unlimited(int maxAttempts = 6) => new IotSessionOptions
        {
            MaxAttempts = maxAttempts,
            RateLimit = new RateLimitOptions(0, TimeSpan.FromSeconds(10)),
        };
    }
}
