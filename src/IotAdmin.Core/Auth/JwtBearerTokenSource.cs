using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Errors;
using IotAdmin.Http;
using IotAdmin.Wire;

namespace IotAdmin.Auth
{
    /// <summary>
    /// The OAuth2 JWT-bearer grant (RFC 7523) for both providers: DT's HS256 assertion (dt-api.md §1) and Google's
    /// RS256 one. Tokens are fetched lazily, refreshed before they expire (the margin, at most half the token's life),
    /// and single-flight: parallel callers share one refresh.
    /// </summary>
    internal sealed class JwtBearerTokenSource : IAccessTokenSource, IDisposable
    {
        private const string GrantType = "urn:ietf:params:oauth:grant-type:jwt-bearer";

        private readonly Func<DateTimeOffset, string> _createAssertion;
        private readonly Uri _tokenEndpoint;
        private readonly HttpClient _http;
        private readonly TimeProvider _time;
        private readonly TimeSpan _margin;
        private readonly TimeSpan _requestTimeout;
        private readonly SemaphoreSlim _refresh = new SemaphoreSlim(1, 1);
        private volatile CachedToken? _current;

        // createAssertion signs a fresh JWT for the given time; the secret or private key never leaves it.
        public JwtBearerTokenSource(Func<DateTimeOffset, string> createAssertion, Uri tokenEndpoint, HttpClient http, TimeProvider time, TimeSpan refreshMargin, TimeSpan requestTimeout)
        {
            _createAssertion = createAssertion;
            _tokenEndpoint = tokenEndpoint;
            _http = http;
            _time = time;
            _margin = refreshMargin;
            _requestTimeout = requestTimeout;
        }

        public DateTimeOffset? ExpiresOn => _current?.ExpiresOn;

        /// <summary>How many tokens this source fetched (for tests and the session's view).</summary>
        public int TokensFetched { get; private set; }

        public async Task<string> GetTokenAsync(ApiCallContext context, CancellationToken cancellationToken)
        {
            var current = _current;
            if (current != null && current.IsFresh(_time.GetUtcNow())) return current.Value;
            await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                current = _current;
                if (current != null && current.IsFresh(_time.GetUtcNow())) return current.Value;
                context.Log.Verbose(current == null ? "Requesting an access token from " + _tokenEndpoint.AbsoluteUri + "." : "Refreshing the access token (it expires at " + current.ExpiresOn.ToString("u") + ").");
                _current = await FetchAsync(cancellationToken).ConfigureAwait(false);
                TokensFetched++;
                return _current.Value;
            }
            finally
            {
                _refresh.Release();
            }
        }

        public void Invalidate(string token)
        {
            var current = _current;
            if (current != null && string.Equals(current.Value, token, StringComparison.Ordinal)) _current = null;
        }

        public void Dispose() => _refresh.Dispose();

        private async Task<CachedToken> FetchAsync(CancellationToken cancellationToken)
        {
            var now = _time.GetUtcNow();
            var form = new FormUrlEncodedContent(new[]
            {
                new KeyValuePair<string, string>("assertion", _createAssertion(now)),
                new KeyValuePair<string, string>("grant_type", GrantType),
            });
            var path = _tokenEndpoint.AbsolutePath;
            using var request = new HttpRequestMessage(HttpMethod.Post, _tokenEndpoint) { Content = form };
            var response = await HttpExchange.SendAsync(_http, request, "POST", path, _requestTimeout, _time, cancellationToken).ConfigureAwait(false);
            using (response)
            {
                if (!response.IsSuccessStatusCode) throw await HttpExchange.ToExceptionAsync(response, "POST", path, _time).ConfigureAwait(false);
                var body = await HttpExchange.ReadSuccessAsync(response, WireJsonContext.Default.TokenResponse, "POST", path).ConfigureAwait(false);
                if (string.IsNullOrEmpty(body.AccessToken))
                    throw ErrorClassifier.InvalidResponse("POST", path, (int)response.StatusCode, "(token response without access_token)", null);
                var lifetime = TimeSpan.FromSeconds(Math.Max(0, body.ExpiresIn ?? 3600));
                var margin = TimeSpan.FromTicks(Math.Min(_margin.Ticks, lifetime.Ticks / 2));
                return new CachedToken(body.AccessToken!, now + lifetime, now + lifetime - margin);
            }
        }

        private sealed class CachedToken
        {
            public CachedToken(string value, DateTimeOffset expiresOn, DateTimeOffset refreshAt)
            {
                Value = value;
                ExpiresOn = expiresOn;
                RefreshAt = refreshAt;
            }

            public string Value { get; }

            public DateTimeOffset ExpiresOn { get; }

            public DateTimeOffset RefreshAt { get; }

            public bool IsFresh(DateTimeOffset now) => now < RefreshAt;

            // The token never reaches a string a user could see.
            public override string ToString() => "access token (expires " + ExpiresOn.ToString("u") + ")";
        }
    }
}
