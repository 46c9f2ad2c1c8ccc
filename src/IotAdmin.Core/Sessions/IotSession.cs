using System;
using System.Net.Http;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Auth;
using IotAdmin.Backends;
using IotAdmin.Http;

namespace IotAdmin.Sessions
{
    /// <summary>
    /// A connection to one API with one service account: one HttpClient, the token source, the shared rate limiter
    /// and the retry policy. Safe to share across runspaces (pass it with -Session $using:s). Holds no secret in any
    /// property, and ToString shows only the endpoint and key id.
    /// </summary>
    public sealed class IotSession : IDisposable
    {
        private static readonly string UserAgent = "IotAdmin/" + (typeof(IotSession).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0").Split('+')[0];

        private readonly HttpClient _http;
        private readonly JwtBearerTokenSource _tokens;
        private int _disposed;
        private volatile System.Collections.Generic.IReadOnlyList<Models.IotOrganization>? _organizations;

        private IotSession(Uri apiRoot, Uri tokenEndpoint, string keyId, string email, Func<DateTimeOffset, string> createAssertion, Func<ApiClient, IIotBackend> createBackend, IotSessionOptions options, SessionDependencies deps)
        {
            Endpoint = apiRoot;
            TokenEndpoint = tokenEndpoint;
            KeyId = keyId;
            Email = email;
            Options = options;
            Time = deps.Time;
            ConnectedAt = deps.Time.GetUtcNow();
            _http = deps.Handler != null ? new HttpClient(deps.Handler, disposeHandler: false) : new HttpClient(CreateHandler(), disposeHandler: true);
            _http.Timeout = Timeout.InfiniteTimeSpan; // per-attempt time-outs are the session's own (RequestTimeout)
            _http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
            _tokens = new JwtBearerTokenSource(createAssertion, tokenEndpoint, _http, deps.Time, options.TokenRefreshMargin, options.RequestTimeout);
            var limiter = deps.Limiter ?? SharedRateLimiters.For(apiRoot, keyId, options.RateLimit!);
            Api = new ApiClient(apiRoot, _http, _tokens, limiter, options, deps.Time, deps.Jitter);
            Backend = createBackend(Api);
            Completion = new Completion.CompletionCatalog(deps.Time, Backend.ListProjectsAsync);
        }

        public Guid Id { get; } = Guid.NewGuid();

        /// <summary>"DisruptiveTechnologies" or "GoogleIotCore".</summary>
        public string Provider => Backend.Provider;

        /// <summary>The API root, ending in "/v2/" (DT) or "/v1/" (Cloud IoT Core).</summary>
        public Uri Endpoint { get; }

        public Uri TokenEndpoint { get; }

        public string KeyId { get; }

        public string Email { get; }

        public DateTimeOffset ConnectedAt { get; }

        /// <summary>When the current access token expires (it is refreshed before that, by itself).</summary>
        public DateTimeOffset? TokenExpiresOn => _tokens.ExpiresOn;

        public IotSessionOptions Options { get; }

        /// <summary>The client-side rate limit in words.</summary>
        public string RateLimit => Options.RateLimit!.ToString();

        /// <summary>
        /// The learned budget: requests per client window the account's limiter allows now — the configured one until
        /// the server answers 429, lower after that, growing back while no 429 comes (0 when the client-side limit is off).
        /// </summary>
        public int RateLimitBudget => Api.Limiter.Budget;

        public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

        /// <summary>What tab completion offers for this session (cached project ids, seen label keys).</summary>
        internal Completion.CompletionCatalog Completion { get; }

        internal TimeProvider Time { get; }

        internal ApiClient Api { get; }

        internal IIotBackend Backend { get; }

        internal int TokensFetched => _tokens.TokensFetched;

        /// <summary>A DT session (tests and benchmarks connect this way); Connect-IotAdmin goes through <see cref="Operations.ConnectOperation"/>.</summary>
        internal static Task<IotSession> ConnectAsync(string endpoint, string? tokenEndpoint, ServiceAccountCredential credential, IotSessionOptions? options, ApiCallContext context, CancellationToken cancellationToken) =>
            ConnectAsync(endpoint, tokenEndpoint, credential, options, context, new SessionDependencies(), cancellationToken);

        internal static Task<IotSession> ConnectAsync(string endpoint, string? tokenEndpoint, ServiceAccountCredential credential, IotSessionOptions? options, ApiCallContext context, SessionDependencies deps, CancellationToken cancellationToken)
        {
            if (credential == null) throw new ArgumentNullException(nameof(credential));
            var apiRoot = IotEndpoint.NormalizeApiRoot(endpoint, ProviderProfile.DisruptiveTechnologies.ApiVersion);
            var tokenUri = IotEndpoint.ResolveTokenEndpoint(apiRoot, tokenEndpoint ?? credential.TokenEndpoint?.AbsoluteUri);
            return ConnectAsync(ProviderProfile.DisruptiveTechnologies, apiRoot, tokenUri, credential.KeyId, credential.Email, now => JwtAssertion.Create(credential, tokenUri, now), api => new DtBackend(api), options, context, deps, cancellationToken);
        }

        /// <summary>
        /// A session with a Cloud IoT Core-compatible API: a Google service-account key (RS256 JWT-bearer grant), the
        /// cloud project (default: the key's) and the region whose registries are the projects.
        /// </summary>
        internal static Task<IotSession> ConnectGoogleAsync(string? endpoint, string? tokenEndpoint, GoogleServiceAccountKey key, string? cloudProject, string location, string scope, IotSessionOptions? options, ApiCallContext context, SessionDependencies deps, CancellationToken cancellationToken)
        {
            if (key == null) throw new ArgumentNullException(nameof(key));
            Validation.InputRules.Require(string.IsNullOrWhiteSpace(location) ? "-Location (the region, e.g. " + ProviderProfile.DefaultGoogleLocation + ") is empty." : null, "Location");
            var project = string.IsNullOrWhiteSpace(cloudProject) ? key.ProjectId : cloudProject!;
            var profile = ProviderProfile.GoogleIotCore;
            var apiRoot = IotEndpoint.NormalizeApiRoot(endpoint ?? profile.DefaultApiRoot.AbsoluteUri, profile.ApiVersion);
            var tokenUri = IotEndpoint.ResolveTokenEndpoint(apiRoot, tokenEndpoint ?? key.TokenUri.AbsoluteUri);
            return ConnectAsync(profile, apiRoot, tokenUri, key.KeyId, key.Email, now => key.CreateAssertion(scope, tokenUri, now), api => new GoogleBackend(api, project, location.Trim()), options, context, deps, cancellationToken);
        }

        /// <summary>The one connect path: checked options, the session, and a token fetched to prove the credentials.</summary>
        private static async Task<IotSession> ConnectAsync(ProviderProfile profile, Uri apiRoot, Uri tokenUri, string keyId, string email, Func<DateTimeOffset, string> createAssertion, Func<ApiClient, IIotBackend> createBackend, IotSessionOptions? options, ApiCallContext context, SessionDependencies deps, CancellationToken cancellationToken)
        {
            var opts = (options ?? new IotSessionOptions()).Clone();
            opts.Validate();
            opts.RateLimit ??= profile.DefaultRateLimit;
            var session = new IotSession(apiRoot, tokenUri, keyId, email, createAssertion, createBackend, opts, deps);
            try
            {
                await session.Api.AuthenticateAsync(context, cancellationToken).ConfigureAwait(false);
                return session;
            }
            catch
            {
                session.Dispose();
                throw;
            }
        }

        private static HttpMessageHandler CreateHandler()
        {
            var handler = new HttpClientHandler { AutomaticDecompression = System.Net.DecompressionMethods.GZip | System.Net.DecompressionMethods.Deflate };
            try
            {
                // .NET Framework defaults to 2 connections per host, which would serialise parallel runspaces.
                handler.MaxConnectionsPerServer = 16;
            }
            catch (PlatformNotSupportedException)
            {
            }

            return handler;
        }

        /// <summary>The organizations the account can see; cached for the session's life (they rarely change).</summary>
        internal async Task<System.Collections.Generic.IReadOnlyList<Models.IotOrganization>> GetOrganizationsAsync(ApiCallContext context, CancellationToken cancellationToken)
        {
            var cached = _organizations;
            if (cached != null) return cached;
            var list = new System.Collections.Generic.List<Models.IotOrganization>();
            await foreach (var o in Backend.ListOrganizationsAsync(context, cancellationToken).ConfigureAwait(false)) list.Add(o);
            return _organizations = list;
        }

        internal void ThrowIfDisposed()
        {
            if (IsDisposed) throw new ObjectDisposedException(nameof(IotSession), "This IotAdmin session was disconnected. Run Connect-IotAdmin again.");
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
            _http.Dispose();
            _tokens.Dispose();
        }

        public override string ToString() => Endpoint.AbsoluteUri + " as " + KeyId;
    }
}
