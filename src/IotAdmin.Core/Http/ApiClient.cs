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
using Polly;
using Polly.Retry;

namespace IotAdmin.Http
{
    /// <summary>
    /// The one HTTP pipeline: Polly retry (rules from <see cref="ErrorRules"/>) → per attempt: client-side rate limiter
    /// permit → bearer token (after the permit, so a long wait cannot outlive it; one forced refresh on 401, with a new
    /// permit) → HttpClient. A 429 pauses the account's limiter and lowers its learned budget. Every failure leaves as an <see cref="IotApiException"/>.
    /// </summary>
    internal sealed class ApiClient
    {
        private static readonly ResiliencePropertyKey<CallState> StateKey = new ResiliencePropertyKey<CallState>("IotAdmin.CallState");
        private static readonly MediaTypeHeaderValue JsonMediaType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };

        private readonly HttpClient _http;
        private readonly IAccessTokenSource _tokens;
        private readonly ClientRateLimiter _limiter;
        private readonly IotSessionOptions _options;
        private readonly TimeProvider _time;
        private readonly RetryDelayCalculator _delays;
        private readonly ResiliencePipeline _retry;

        public ApiClient(Uri apiRoot, HttpClient http, IAccessTokenSource tokens, ClientRateLimiter limiter, IotSessionOptions options, TimeProvider time, Func<double>? jitter = null)
        {
            ApiRoot = apiRoot;
            _http = http;
            _tokens = tokens;
            _limiter = limiter;
            _options = options;
            _time = time;
            _delays = new RetryDelayCalculator(options.BackoffCap, jitter);
            _retry = new ResiliencePipelineBuilder { TimeProvider = time }
                .AddRetry(new RetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(1, options.MaxAttempts - 1),
                    ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Context.Properties.GetValue(StateKey, null!), args.Outcome.Exception, args.AttemptNumber)),
                    DelayGenerator = args => new ValueTask<TimeSpan?>(args.Context.Properties.GetValue(StateKey, null!).NextDelay),
                    OnRetry = args =>
                    {
                        var state = args.Context.Properties.GetValue(StateKey, null!);
                        state.Context.Counters.AddRetry();
                        var e = (IotApiException)args.Outcome.Exception!;
                        state.Context.Log.Verbose("Retrying " + e.Method + " " + e.Path + " after " + Describe(e) + " (attempt " + (args.AttemptNumber + 2) + " of " + _options.MaxAttempts + "); waiting " + ErrorClassifier.Seconds(args.RetryDelay) + ".");
                        return default;
                    },
                })
                .Build();
        }

        public Uri ApiRoot { get; }

        public ClientRateLimiter Limiter => _limiter;

        /// <summary>The session's clock, for waits outside the retry pipeline (re-reads after ABORTED).</summary>
        public TimeProvider Time => _time;

        /// <summary>Sends <paramref name="request"/> with retries and returns the parsed success body.</summary>
        public Task<T> SendAsync<T>(ApiRequest request, JsonTypeInfo<T> responseType, ApiCallContext context, CancellationToken cancellationToken) =>
            ExecuteAsync(new CallState(request.MayRetry, request.Target, context, _time.GetTimestamp()) { Request = request }, (s, ct) => AttemptAsync(s, responseType, ct), cancellationToken);

        /// <summary>Fetches a token under the same retry rules (Connect-IotAdmin proves the credentials with it).</summary>
        public Task AuthenticateAsync(ApiCallContext context, CancellationToken cancellationToken) =>
            ExecuteAsync(
                new CallState(true, null, context, _time.GetTimestamp()),
                async (s, ct) =>
                {
                    s.Attempts++;
                    return await _tokens.GetTokenAsync(s.Context, ct).ConfigureAwait(false);
                },
                cancellationToken);

        private async Task<T> ExecuteAsync<T>(CallState state, Func<CallState, CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
        {
            var resilience = ResilienceContextPool.Shared.Get(cancellationToken);
            resilience.Properties.Set(StateKey, state);
            try
            {
                return await _retry.ExecuteAsync(
                    async (ctx, s) => await attempt(s, ctx.CancellationToken).ConfigureAwait(false),
                    resilience,
                    state).ConfigureAwait(false);
            }
            catch (IotApiException e)
            {
                e.Attempts = Math.Max(1, state.Attempts);
                e.Target ??= state.Target;
                throw;
            }
            finally
            {
                ResilienceContextPool.Shared.Return(resilience);
            }
        }

        private bool ShouldRetry(CallState state, Exception? exception, int attemptNumber)
        {
            if (!(exception is IotApiException e) || !e.IsRetryable || !state.MayRetry) return false;
            if (attemptNumber + 1 >= _options.MaxAttempts) return false;
            var delay = _delays.Next(attemptNumber, e.RetryAfter ?? TimeSpan.Zero, e.Rule.MinimumWait > TimeSpan.Zero ? e.Rule.MinimumWait : TimeSpan.FromSeconds(1));
            if (e.RetryAfter > _options.MaxRetryDelay)
            {
                state.Context.Log.Verbose("Not retrying " + e.Method + " " + e.Path + ": the server asks for a " + ErrorClassifier.Seconds(e.RetryAfter.Value) + " wait, more than the session's MaxRetryDelay of " + ErrorClassifier.Seconds(_options.MaxRetryDelay) + ".");
                return false;
            }

            if (delay > _options.MaxRetryDelay) delay = _options.MaxRetryDelay;
            if (_time.GetElapsedTime(state.StartedTimestamp) + delay > _options.RetryTimeLimit)
            {
                state.Context.Log.Verbose("Not retrying " + e.Method + " " + e.Path + ": the session's RetryTimeLimit of " + ErrorClassifier.Seconds(_options.RetryTimeLimit) + " would be exceeded.");
                return false;
            }

            state.NextDelay = delay;
            return true;
        }

        private async Task<T> AttemptAsync<T>(CallState state, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
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

            using (response)
            {
                if (response.StatusCode == HttpStatusCode.OK) return await HttpExchange.ReadSuccessAsync(response, responseType, method, path).ConfigureAwait(false);
                var error = response.IsSuccessStatusCode
                    ? ErrorClassifier.InvalidResponse(method, path, (int)response.StatusCode, "(HTTP " + (int)response.StatusCode + "; the API answers success with 200 only)", null)
                    : await HttpExchange.ToExceptionAsync(response, method, path, _time).ConfigureAwait(false);
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
            if (request.JsonBody != null)
            {
                message.Content = new ByteArrayContent(request.JsonBody);
                message.Content.Headers.ContentType = JsonMediaType;
            }

            state.Context.Log.Debug(request.Method.Method + " " + request.DisplayPath(ApiRoot) + " (attempt " + state.Attempts + ")");
            return (await HttpExchange.SendAsync(_http, message, request.Method.Method, request.DisplayPath(ApiRoot), _options.RequestTimeout, _time, cancellationToken).ConfigureAwait(false), token);
        }

        private static string Describe(IotApiException e) =>
            e.StatusCode.HasValue ? "HTTP " + e.StatusCode.Value + " " + e.Status : e.Status;

        private sealed class CallState
        {
            public CallState(bool mayRetry, object? target, ApiCallContext context, long startedTimestamp)
            {
                MayRetry = mayRetry;
                Target = target;
                Context = context;
                StartedTimestamp = startedTimestamp;
            }

            /// <summary>The API request; null for a token fetch.</summary>
            public ApiRequest? Request { get; set; }

            public bool MayRetry { get; }

            public object? Target { get; }

            public ApiCallContext Context { get; }

            public long StartedTimestamp { get; }

            public int Attempts { get; set; }

            public bool TokenRefreshed { get; set; }

            public TimeSpan NextDelay { get; set; }
        }
    }
}
