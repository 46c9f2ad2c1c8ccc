using System;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Auth;
using IotAdmin.Http;
using IotAdmin.Output;
using IotAdmin.Sessions;

namespace IotAdmin.Operations
{
    /// <summary>
    /// Connect-IotAdmin: resolves the credential (parameters → -CredentialsFile → DT_SERVICE_ACCOUNT_* → DT_CREDENTIALS_FILE),
    /// creates the session and proves it by fetching a token.
    /// </summary>
    internal static class ConnectOperation
    {
        public const string CredentialsFileVariable = "DT_CREDENTIALS_FILE";
        public const string GoogleCredentialsVariable = "GOOGLE_APPLICATION_CREDENTIALS";

        public static async Task<IotSession> ConnectAsync(ConnectRequest request, ICommandOutput output, CancellationToken cancellationToken) =>
            await ConnectAsync(request, output, new SessionDependencies(), cancellationToken).ConfigureAwait(false);

        internal static async Task<IotSession> ConnectAsync(ConnectRequest request, ICommandOutput output, SessionDependencies deps, CancellationToken cancellationToken)
        {
            var profile = ProviderProfile.Named(request.Provider);
            var options = OptionsFor(request, profile);
            if (profile == ProviderProfile.GoogleIotCore) return await ConnectGoogleAsync(request, options, output, deps, cancellationToken).ConfigureAwait(false);
            var credential = ResolveCredential(request, out var source);
            var endpoint = request.Endpoint ?? profile.DefaultApiRoot.AbsoluteUri;
            output.Verbose("Connecting to " + endpoint + " as " + credential + " (credentials from " + source + ").");
            var session = await IotSession.ConnectAsync(endpoint, request.TokenEndpoint, credential, options, new ApiCallContext(output), deps, cancellationToken).ConfigureAwait(false);
            output.Verbose("Connected: " + session + "; token endpoint " + session.TokenEndpoint.AbsoluteUri + "; client-side rate limit " + session.RateLimit + ".");
            return session;
        }

        /// <summary>The session options; a budget or window the request names replaces their rate limit (the provider's fills the rest).</summary>
        private static IotSessionOptions OptionsFor(ConnectRequest request, ProviderProfile profile)
        {
            var options = (request.Options ?? new IotSessionOptions()).Clone();
            if (request.RequestsPerWindow.HasValue || request.RateLimitWindow.HasValue)
                options.RateLimit = new RateLimitOptions(request.RequestsPerWindow ?? profile.RequestsPerWindow, request.RateLimitWindow ?? RateLimitOptions.DefaultWindow);
            return options;
        }

        private static async Task<IotSession> ConnectGoogleAsync(ConnectRequest request, IotSessionOptions options, ICommandOutput output, SessionDependencies deps, CancellationToken cancellationToken)
        {
            if (request.KeyId != null || request.Secret != null || request.CredentialsFile != null)
                throw new ArgumentException("-Provider " + ProviderProfile.GoogleIotCoreName + " takes a Google service-account key: use -KeyFile (or " + GoogleCredentialsVariable + "), not DT credentials.", "KeyFile");
            var file = request.KeyFile ?? Environment.GetEnvironmentVariable(GoogleCredentialsVariable);
            if (string.IsNullOrEmpty(file)) throw new ArgumentException("-Provider " + ProviderProfile.GoogleIotCoreName + " needs -KeyFile (a Google service-account key) or " + GoogleCredentialsVariable + ".", "KeyFile");
            var key = GoogleServiceAccountKey.FromFile(file!);
            output.Verbose("Connecting to Cloud IoT Core as " + key + " (key file " + file + "), region " + request.Location + ".");
            var session = await IotSession.ConnectGoogleAsync(request.Endpoint, request.TokenEndpoint, key, request.CloudProjectId, request.Location, GoogleServiceAccountKey.DefaultScope, options, new ApiCallContext(output), deps, cancellationToken).ConfigureAwait(false);
            output.Verbose("Connected: " + session + "; token endpoint " + session.TokenEndpoint.AbsoluteUri + "; client-side rate limit " + session.RateLimit + ".");
            return session;
        }

        /// <summary>The credential and where it came from; ArgumentException naming what is missing when there is none.</summary>
        public static ServiceAccountCredential ResolveCredential(ConnectRequest request, out string source)
        {
            var anyExplicit = request.KeyId != null || request.Secret != null || request.Email != null;
            if (anyExplicit && request.CredentialsFile != null)
                throw new ArgumentException("Give either -KeyId/-Secret/-Email (or -Credential) or -CredentialsFile, not both.");
            if (anyExplicit)
            {
                if (string.IsNullOrWhiteSpace(request.KeyId)) throw new ArgumentException("-KeyId (or the user name of -Credential) is required with -Secret.", "KeyId");
                if (request.Secret == null || request.Secret.Length == 0) throw new ArgumentException("-Secret (or the password of -Credential) is required with -KeyId.", "Secret");
                if (string.IsNullOrWhiteSpace(request.Email)) throw new ArgumentException("-Email (the service account's e-mail) is required with -KeyId.", "Email");
                source = "parameters";
                return new ServiceAccountCredential(request.KeyId!, request.Secret, request.Email!);
            }

            if (request.CredentialsFile != null)
            {
                source = "file " + request.CredentialsFile;
                return ServiceAccountCredential.FromFile(request.CredentialsFile);
            }

            var fromEnvironment = ServiceAccountCredential.FromEnvironment();
            if (fromEnvironment != null)
            {
                source = "environment variables " + ServiceAccountCredential.KeyIdVariable + "/…";
                return fromEnvironment;
            }

            var file = Environment.GetEnvironmentVariable(CredentialsFileVariable);
            if (!string.IsNullOrEmpty(file))
            {
                source = "file " + file + " (" + CredentialsFileVariable + ")";
                return ServiceAccountCredential.FromFile(file!);
            }

            throw new ArgumentException("No service-account credentials: pass -KeyId, -Secret and -Email, or -Credential with -Email, or -CredentialsFile, or set "
                + ServiceAccountCredential.KeyIdVariable + ", " + ServiceAccountCredential.SecretVariable + " and " + ServiceAccountCredential.EmailVariable + " (or " + CredentialsFileVariable + ").");
        }
    }
}
