using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Errors;
using IotAdmin.Wire;

namespace IotAdmin.Events
{
    /// <summary>
    /// An open devices:stream read message by message in either framing (dt-api-admin.md §7): one JSON object per line
    /// (application/json), or SSE "data:" blocks ended by a blank line (text/event-stream; comments, id and event
    /// fields ignored, several data lines joined). Cancellation and silence both close the connection, so a blocked
    /// read returns at once.
    /// </summary>
    internal sealed class EventStreamConnection : IEventStreamConnection
    {
        private readonly HttpResponseMessage _response;
        private readonly StreamReader _reader;
        private readonly string _method;
        private readonly string _path;
        private readonly TimeSpan _silenceLimit;
        private readonly TimeProvider _time;
        private readonly StringBuilder _data = new StringBuilder();

        public EventStreamConnection(HttpResponseMessage response, Stream body, string method, string path, TimeSpan silenceLimit, TimeProvider time)
        {
            _response = response;
            _reader = new StreamReader(body, new UTF8Encoding(false));
            _method = method;
            _path = path;
            _silenceLimit = silenceLimit;
            _time = time;
        }

        public async Task<StreamItem> ReadAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                var line = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
                string? message;
                if (line == null)
                {
                    if (_data.Length == 0) throw Ended("the server closed the stream");
                    message = TakeData();
                }
                else if (line.Length == 0)
                {
                    if (_data.Length == 0) continue;
                    message = TakeData();
                }
                else if (line.StartsWith("data:", StringComparison.Ordinal))
                {
                    if (_data.Length > 0) _data.Append('\n');
                    _data.Append(line, line.Length > 5 && line[5] == ' ' ? 6 : 5, line.Length - (line.Length > 5 && line[5] == ' ' ? 6 : 5));
                    continue;
                }
                else if (line[0] == ':' || line.StartsWith("id:", StringComparison.Ordinal) || line.StartsWith("event:", StringComparison.Ordinal) || line.StartsWith("retry:", StringComparison.Ordinal))
                {
                    continue;
                }
                else
                {
                    message = line;
                }

                var item = Parse(message);
                if (item.HasValue) return item.Value;
            }
        }

        public void Dispose()
        {
            _reader.Dispose();
            _response.Dispose();
        }

        private string TakeData()
        {
            var text = _data.ToString();
            _data.Clear();
            return text;
        }

        private StreamItem? Parse(string text)
        {
            StreamMessage? message;
            try
            {
                message = JsonSerializer.Deserialize(text, EventJsonContext.Default.StreamMessage);
            }
            catch (JsonException e)
            {
                throw ErrorClassifier.InvalidResponse(_method, _path, 200, text.Length > 2048 ? text.Substring(0, 2048) : text, e);
            }

            if (message?.Error is JsonElement error && error.ValueKind == JsonValueKind.Object)
            {
                var said = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : "an error";
                throw Ended("the server ended the stream: " + said);
            }

            var dto = message?.Result?.Event;
            if (dto == null) return null; // an empty or unknown message: nothing to show
            if (dto.EventType == "ping") return new StreamItem(null, EventMapper.ParseTime(dto.Timestamp) ?? _time.GetUtcNow());
            return new StreamItem(EventMapper.ToModel(dto), null);
        }

        private async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            using var silence = _time.CreateCancellationTokenSource(_silenceLimit);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, silence.Token);
            using (linked.Token.Register(() => _response.Dispose()))
            {
                try
                {
                    return await _reader.ReadLineAsync().ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException || e is ObjectDisposedException || e is HttpRequestException || e is OperationCanceledException)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (silence.IsCancellationRequested) throw Ended("no message (not even a ping) for " + (int)_silenceLimit.TotalSeconds + " s");
                    throw ErrorClassifier.FromNoAnswer(_method, _path, e, clientTimeout: false);
                }
            }
        }

        /// <summary>A stream that stopped: retryable, so the watcher reconnects under the session's retry rules.</summary>
        private IotApiException Ended(string why) => ErrorClassifier.FromNoAnswer(_method, _path, new IOException(why), clientTimeout: false);
    }
}
