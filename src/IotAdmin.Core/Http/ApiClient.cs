using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Auth;
using IotAdmin.Errors;
using IotAdmin.Sessions;
using IotAdmin.Resilience;

namespace IotAdmin.Http
{
    /// <summary>
    /// The one HTTP pipeline: Polly retry (rules from <see cref="ErrorRules"/>) → per attempt: client-side rate limiter
    /// permit → bearer token (after the permit, so a long wait cannot outlive it; one forced refresh on 401, with a new
    /// permit) → HttpClient. A 429 pauses the account's limiter and lowers its learned budget. Every failure leaves as an <see cref="IotApiException"/>.
    /// </summary>
    internal sealed class ApiClient
    {
        private static readonly MediaTypeHeaderValue JsonMediaType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };

        private readonly HttpClient _http;
        private readonly IAccessTokenSource _tokens;
        private readonly ClientRateLimiter _limiter;
        private readonly IotSessionOptions _options;
        private readonly TimeProvider _time;

        public ApiClient(Uri apiRoot, HttpClient http, IAccessTokenSource tokens, ClientRateLimiter limiter, IotSessionOptions options, TimeProvider time, Func<double>? jitter = null)
        {
            ApiRoot = apiRoot;
            _http = http;
            _tokens = tokens;
            _limiter = limiter;
            _options = options;
            _time = time;
            Retries = new RetryStrategy(options, time, jitter);
        }

        public Uri ApiRoot { get; }

        public ClientRateLimiter Limiter => _limiter;

        /// <summary>The session's one retry strategy: whole calls here, per-device re-sends and re-reads in the layers above.</summary>
        public RetryStrategy Retries { get; }

        /// <summary>Sends <paramref name="request"/> with retries and returns the parsed success body.</summary>
        public Task<T> SendAsync<T>(ApiRequest request, JsonTypeInfo<T> responseType, ApiCallContext context, CancellationToken cancellationToken) =>
            ExecuteAsync(new CallState(request.Target, context) { Request = request }, request.MayRetry, (s, ct) => AttemptAsync(s, responseType, ct), cancellationToken);

        /// <summary>Fetches a token under the same retry rules (Connect-IotAdmin proves the credentials with it).</summary>
        public Task AuthenticateAsync(ApiCallContext context, CancellationToken cancellationToken) =>
            ExecuteAsync(
                new CallState(null, context),
                true,
                async (s, ct) =>
                {
                    s.Attempts++;
                    return await _tokens.GetTokenAsync(s.Context, ct).ConfigureAwait(false);
                },
                cancellationToken);

        private async Task<T> ExecuteAsync<T>(CallState state, bool mayRetry, Func<CallState, CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
        {
            try
            {
                var scope = Retries.Scope(state.Context, mayRetry ? _options.MaxAttempts : 1);
                scope.NoAnswerAttempts = state.Context.NoAnswerAttempts;
                return await Retries.ExecuteAsync(scope, ct => attempt(state, ct), cancellationToken).ConfigureAwait(false);
            }
            catch (IotApiException e)
            {
                e.Attempts = Math.Max(1, state.Attempts);
                e.Target ??= state.Target;
                throw;
            }
        }

        /// <summary>
        /// Sends <paramref name="request"/> with retries until its 200 headers arrive and hands the open answer over
        /// unread (a stream); the caller disposes it. The session's time-out covers the headers only.
        /// </summary>
        public Task<HttpResponseMessage> OpenAsync(ApiRequest request, ApiCallContext context, CancellationToken cancellationToken) =>
            ExecuteAsync(new CallState(request.Target, context) { Request = request }, request.MayRetry, SendForOkAsync, cancellationToken);

        private async Task<T> AttemptAsync<T>(CallState state, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
        {
            using var response = await SendForOkAsync(state, cancellationToken).ConfigureAwait(false);
            return await HttpExchange.ReadSuccessAsync(response, responseType, state.Request!.Method.Method, state.Request.DisplayPath(ApiRoot)).ConfigureAwait(false);
        }

        /// <summary>One attempt up to a 200 answer (returned unread); any other answer becomes the IotApiException thrown.</summary>
        private async Task<HttpResponseMessage> SendForOkAsync(CallState state, CancellationToken cancellationToken)
        {
            var request = state.Request!;
            var method = request.Method.Method;
            var path = request.DisplayPath(ApiRoot);
            var (response, token) = await SendOnceAsync(state, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Unauthorized && !state.TokenRefreshed)
            {
                // A 401 forces one refresh and one resend, never more (per call).
                response.Dispose();
                state.TokenRefreshed = true;
                _tokens.Invalidate(token);
                state.Context.Log.Verbose(method + " " + path + " answered 401; refreshing the access token and sending once more.");
                (response, _) = await SendOnceAsync(state, cancellationToken).ConfigureAwait(false);
            }

            if (response.StatusCode == HttpStatusCode.OK) return response;
            using (response)
            {
                var error = response.IsSuccessStatusCode
                    ? ErrorClassifier.InvalidResponse(method, path, (int)response.StatusCode, "(HTTP " + (int)response.StatusCode + "; the API answers success with 200 only)", null)
                    : await HttpExchange.ToExceptionAsync(response, method, path, _time, state.Context.Log).ConfigureAwait(false);
                if ((int)response.StatusCode == 429)
                {
                    state.Context.Counters.AddServerThrottled();
                    _limiter.OnThrottled(error.RetryAfter, _options.MaxRetryDelay, state.Context.Log);
                }

                error.Target = request.Target;
                throw error;
            }
        }

        /// <summary>One request: the limiter's permit first, then the token (a long limiter wait cannot outlive it), then HTTP.</summary>
        private async Task<(HttpResponseMessage Response, string Token)> SendOnceAsync(CallState state, CancellationToken cancellationToken)
        {
            var request = state.Request!;
            var waited = await _limiter.AcquireAsync(state.Context.Log, cancellationToken).ConfigureAwait(false);
            if (waited > TimeSpan.Zero) state.Context.Counters.AddLimiterWait(waited);
            var token = await _tokens.GetTokenAsync(state.Context, cancellationToken).ConfigureAwait(false);
            state.Attempts++;
            state.Context.Counters.AddRequest();
            using var message = new HttpRequestMessage(request.Method, request.BuildUri(ApiRoot));
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (request.Accept != null) message.Headers.Accept.ParseAdd(request.Accept);
            if (request.JsonBody != null)
            {
                message.Content = new ByteArrayContent(request.JsonBody);
                message.Content.Headers.ContentType = JsonMediaType;
            }

            state.Context.Log.Debug(request.Method.Method + " " + request.DisplayPath(ApiRoot) + " (attempt " + state.Attempts + ")");
            return (await HttpExchange.SendAsync(_http, message, request.Method.Method, request.DisplayPath(ApiRoot), _options.RequestTimeout, _time, cancellationToken).ConfigureAwait(false), token);
        }

        private sealed class CallState
        {
            public CallState(object? target, ApiCallContext context)
            {
                Target = target;
                Context = context;
            }

            /// <summary>The API request; null for a token fetch.</summary>
            public ApiRequest? Request { get; set; }

            public object? Target { get; }

            public ApiCallContext Context { get; }

            public int Attempts { get; set; }

            public bool TokenRefreshed { get; set; }
        }
    }
}
