using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Errors;

namespace IotAdmin.Http
{
    /// <summary>
    /// One request/answer exchange and its failure modes, shared by API calls and token requests:
    /// a per-attempt time-out told apart from the user's cancellation, no-answer failures, bounded error bodies.
    /// </summary>
    internal static class HttpExchange
    {
        /// <summary>Error bodies are read up to this many bytes; the rest is never buffered.</summary>
        public const int MaxErrorBodyBytes = ErrorBodyParser.MaxParsedLength;

        public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request, string method, string path, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
        {
            using var timeoutCts = time.CreateCancellationTokenSource(timeout);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutCts.Token);
            try
            {
                return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw ErrorClassifier.FromNoAnswer(method, path, e, clientTimeout: true);
            }
            catch (HttpRequestException e)
            {
                throw ErrorClassifier.FromNoAnswer(method, path, e, clientTimeout: false);
            }
            catch (IOException e)
            {
                throw ErrorClassifier.FromNoAnswer(method, path, e, clientTimeout: false);
            }
        }

        /// <summary>A non-success answer as the error of its call; an unreadable Retry-After is noted on <paramref name="log"/> when given.</summary>
        public static async Task<IotApiException> ToExceptionAsync(HttpResponseMessage response, string method, string path, TimeProvider time, IApiLog? log = null)
        {
            string? body;
            try
            {
                body = await ReadBoundedAsync(response.Content, MaxErrorBodyBytes).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException || e is HttpRequestException || e is OperationCanceledException)
            {
                body = null; // The status alone still classifies the failure.
            }

            return ErrorClassifier.FromResponse(method, path, (int)response.StatusCode, body, RetryAfterOf(response, time, method + " " + path, log));
        }

        public static async Task<T> ReadSuccessAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, string method, string path)
        {
            byte[] bytes;
            try
            {
                bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException || e is HttpRequestException)
            {
                throw ErrorClassifier.FromNoAnswer(method, path, e, clientTimeout: false);
            }

            try
            {
                var value = JsonSerializer.Deserialize(bytes, type);
                if (value != null) return value;
            }
            catch (JsonException e)
            {
                throw ErrorClassifier.InvalidResponse(method, path, (int)response.StatusCode, Excerpt(bytes), e);
            }

            throw ErrorClassifier.InvalidResponse(method, path, (int)response.StatusCode, Excerpt(bytes), null);
        }

        /// <summary>
        /// Retry-After as delta-seconds or HTTP-date, as a wait from now (rules: <see cref="DurationText.ParseRetryAfter"/>).
        /// HttpClient parses integers and dates itself; what it leaves raw ("12.5") is read by the same rules, and a
        /// value neither can read is noted on <paramref name="log"/> and ignored (the backoff floor applies).
        /// </summary>
        public static TimeSpan? RetryAfterOf(HttpResponseMessage response, TimeProvider time, string? call = null, IApiLog? log = null)
        {
            var header = response.Headers.RetryAfter;
            if (header == null)
            {
                if (!response.Headers.TryGetValues("Retry-After", out var raw)) return null;
                var text = string.Join(",", raw);
                var wait = DurationText.ParseRetryAfter(text, time.GetUtcNow());
                if (wait == null && log != null)
                    log.Verbose((call == null ? string.Empty : call + ": ") + "ignoring Retry-After '" + TextBounds.Clean(text, 40) + "' (neither delta-seconds nor an HTTP-date); waiting the backoff floor instead.");
                return wait;
            }

            if (header.Delta.HasValue) return header.Delta.Value;
            if (header.Date.HasValue)
            {
                var wait = header.Date.Value - time.GetUtcNow();
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }

            return null;
        }

        private static async Task<string?> ReadBoundedAsync(HttpContent? content, int maxBytes)
        {
            if (content == null) return null;
            using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
            var buffer = new byte[maxBytes];
            var total = 0;
            int read;
            while (total < maxBytes && (read = await stream.ReadAsync(buffer, total, maxBytes - total).ConfigureAwait(false)) > 0) total += read;
            return Encoding.UTF8.GetString(buffer, 0, total);
        }

        private static string Excerpt(byte[] bytes) => Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 2048));
    }
}
