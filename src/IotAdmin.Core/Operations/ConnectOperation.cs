using System;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Auth;
using IotAdmin.Errors;
using IotAdmin.Http;
using IotAdmin.Output;
using IotAdmin.Sessions;

namespace IotAdmin.Operations
{
    /// <summary>
    /// Connect-IotAdmin: resolves the credential (parameters → -CredentialsFile → DT_SERVICE_ACCOUNT_* → DT_CREDENTIALS_FILE),
    /// creates the session and proves it: a token (the credentials) and one cheap listing (the API root). An address
    /// that does not answer fails fast (one quick retry, not the session's six), and says which address to check.
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
            var endpoint = request.Endpoint ?? ApiRootFromTokenEndpoint(request.TokenEndpoint ?? credential.TokenEndpoint?.AbsoluteUri, profile, output) ?? profile.DefaultApiRoot.AbsoluteUri;
            output.Verbose("Connecting to " + endpoint + " as " + credential + " (credentials from " + source + ").");
            var context = ConnectContext(output);
            var session = await Proven(() => IotSession.ConnectAsync(endpoint, request.TokenEndpoint, credential, options, context, deps, cancellationToken)).ConfigureAwait(false);
            return await FinishAsync(session, profile, context, output, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Calls of the connect itself: a refused or unresolvable address gets one quick retry, not the session's MaxAttempts.</summary>
        private static ApiCallContext ConnectContext(ICommandOutput output) => new ApiCallContext(output) { NoAnswerAttempts = 2 };

        /// <summary>No -Endpoint: a token endpoint that is not DT's names the API's host too (tokens never go to the public API by accident).</summary>
        private static string? ApiRootFromTokenEndpoint(string? tokenEndpoint, ProviderProfile profile, ICommandOutput output)
        {
            var root = IotEndpoint.ApiRootBesideTokenEndpoint(tokenEndpoint, profile.ApiVersion);
            if (root != null) output.Verbose("No -Endpoint: the token endpoint " + tokenEndpoint + " is not " + profile.Name + "'s, so the API root is on its host: " + root.AbsoluteUri + " (pass -Endpoint to choose another).");
            return root?.AbsoluteUri;
        }

        /// <summary>The connected session, checked: a warning when tokens and calls go to different sites, then one cheap listing.</summary>
        private static async Task<IotSession> FinishAsync(IotSession session, ProviderProfile profile, ApiCallContext context, ICommandOutput output, CancellationToken cancellationToken)
        {
            try
            {
                if (!IotEndpoint.SameSite(session.Endpoint, session.TokenEndpoint))
                    output.WriteWarning("The token endpoint (" + session.TokenEndpoint.Host + ") and the API (" + session.Endpoint.Host + ") are on different hosts: check that both belong to the same service (-Endpoint, -TokenEndpoint, the credentials file's tokenEndpoint).");
                await Proven(() => ProveApiRootAsync(session, profile, context, cancellationToken)).ConfigureAwait(false);
                output.Verbose("Connected: " + session + "; token endpoint " + session.TokenEndpoint.AbsoluteUri + "; client-side rate limit " + session.RateLimit + ".");
                return session;
            }
            catch
            {
                session.Dispose();
                throw;
            }
        }

        /// <summary>One listing of at most one project: a wrong API root answers 404 or something that is not the API.</summary>
        private static async Task<bool> ProveApiRootAsync(IotSession session, ProviderProfile profile, ApiCallContext context, CancellationToken cancellationToken)
        {
            try
            {
                await foreach (var _ in session.Backend.ListProjectsAsync(new Backends.ProjectQuery { PageSize = 1 }, context, cancellationToken).ConfigureAwait(false)) break;
                return true;
            }
            catch (IotApiException e) when (e.Status == CanonicalStatus.NotFound || e.Status == CanonicalStatus.InvalidResponse)
            {
                var check = profile == ProviderProfile.GoogleIotCore ? "check -Endpoint, -CloudProjectId and -Location" : "check -Endpoint (e.g. '" + profile.DefaultApiRoot.AbsoluteUri + "')";
                throw ErrorClassifier.WithDoNotRetryAction(e, "'" + session.Endpoint.AbsoluteUri + "' does not answer like the API root; " + check);
            }
        }

        /// <summary>A connect step whose address does not answer at all fails with the address to check, not "Retry after 1 s".</summary>
        private static async Task<T> Proven<T>(Func<Task<T>> step)
        {
            try
            {
                return await step().ConfigureAwait(false);
            }
            catch (IotApiException e) when (e.Status == CanonicalStatus.ConnectionFailed)
            {
                throw ErrorClassifier.WithDoNotRetryAction(e, "nothing answers at that address: check the host and port of -Endpoint and -TokenEndpoint (or the credentials file's tokenEndpoint), and that the server is running");
            }
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
            var context = ConnectContext(output);
            var session = await Proven(() => IotSession.ConnectGoogleAsync(request.Endpoint, request.TokenEndpoint, key, request.CloudProjectId, request.Location, GoogleServiceAccountKey.DefaultScope, options, context, deps, cancellationToken)).ConfigureAwait(false);
            return await FinishAsync(session, ProviderProfile.GoogleIotCore, context, output, cancellationToken).ConfigureAwait(false);
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
