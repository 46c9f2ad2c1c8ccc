using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace IotAdmin.Tests.Support
{
    /// <summary>
    /// An in-memory HTTP handler for unit tests of the pipeline (no socket at all): answers the token endpoint itself
    /// and everything else from a script of responses, recording each request with its virtual time.
    /// </summary>
    internal sealed class StubHandler : HttpMessageHandler
    {
        private readonly TimeProvider _time;
        private readonly ConcurrentQueue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _script = new ConcurrentQueue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>>();
        private int _tokenCounter;

        public StubHandler(TimeProvider time)
        {
            _time = time;
        }

        public List<(HttpMethod Method, Uri Uri, DateTimeOffset At, string? Authorization, string? Body)> Requests { get; } = new List<(HttpMethod, Uri, DateTimeOffset, string?, string?)>();

        public List<DateTimeOffset> TokenRequests { get; } = new List<DateTimeOffset>();

        /// <summary>Seconds the token endpoint says tokens live.</summary>
        public int TokenLifetimeSeconds { get; set; } = 3600;

        /// <summary>Answer for the token endpoint; null = a fresh token each time.</summary>
        public Func<HttpResponseMessage>? TokenResponse { get; set; }

        /// <summary>What API calls get once the script is used up.</summary>
        public Func<HttpResponseMessage> Fallback { get; set; } = () => Json(200, "{\"projects\":[],\"nextPageToken\":\"\"}");

        public StubHandler Then(int status, string? body = null, Action<HttpResponseMessage>? headers = null)
        {
            _script.Enqueue((_, _) =>
            {
                var r = Json(status, body ?? (status == 200 ? "{\"projects\":[],\"nextPageToken\":\"\"}" : "{\"error\":\"failure\",\"code\":" + status + ",\"help\":\"https://docs.d21s.com/error/#" + status + "\"}"));
                headers?.Invoke(r);
                return Task.FromResult(r);
            });
            return this;
        }

        public StubHandler Then(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer)
        {
            _script.Enqueue(answer);
            return this;
        }

        public static HttpResponseMessage Json(int status, string body, string mediaType = "application/json") =>
            new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };

        public int ApiRequestCount
        {
            get
            {
                lock (Requests) return Requests.Count;
            }
        }

        public string LastIssuedToken => "token-" + _tokenCounter;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath.EndsWith("/oauth2/token", StringComparison.Ordinal))
            {
                lock (TokenRequests) TokenRequests.Add(_time.GetUtcNow());
                if (TokenResponse != null) return TokenResponse();
                var n = Interlocked.Increment(ref _tokenCounter);
                return Json(200, "{\"access_token\":\"token-" + n + "\",\"token_type\":\"Bearer\",\"expires_in\":" + TokenLifetimeSeconds + "}");
            }

            var body = request.Content == null ? null : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            lock (Requests) Requests.Add((request.Method, request.RequestUri, _time.GetUtcNow(), request.Headers.Authorization?.ToString(), body));
            return _script.TryDequeue(out var next) ? await next(request, cancellationToken).ConfigureAwait(false) : Fallback();
        }
    }
}
