using System;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace IotAdmin.Tests.EmulatorEvents
{
    /// <summary>An open devices:stream read the way DT's clients read it: PY line by line (json.loads each), SW as SSE blocks.</summary>
    public sealed class StreamConnection : IDisposable
    {
        private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);
        private readonly HttpResponseMessage _response;
        private readonly StreamReader _reader;
        private readonly bool _sse;

        private StreamConnection(HttpResponseMessage response, StreamReader reader, bool sse)
        {
            _response = response;
            _reader = reader;
            _sse = sse;
        }

        public string? ContentType => _response.Content.Headers.ContentType?.ToString();

        public static async Task<StreamConnection> OpenAsync(EventEmulator emulator, string pathAndQuery, bool sse = false)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
            if (sse) request.Headers.Accept.ParseAdd("text/event-stream");
            var response = await emulator.Api.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(200, (int)response.StatusCode);
            return new StreamConnection(response, new StreamReader(await response.Content.ReadAsStreamAsync()), sse);
        }

        /// <summary>The next message's JSON ({"result":…} or {"error":…}); null at the end of the stream.</summary>
        public async Task<JsonElement?> NextAsync()
        {
            using var guard = new CancellationTokenSource(HangGuard);
            if (!_sse)
            {
                var line = await _reader.ReadLineAsync(guard.Token);
                if (line == null) return null;
                Assert.False(string.IsNullOrWhiteSpace(line), "a blank line in the JSON stream (PY's json.loads would fail on it)");
                return JsonDocument.Parse(line).RootElement.Clone();
            }

            string? data = null;
            while (true)
            {
                var line = await _reader.ReadLineAsync(guard.Token);
                if (line == null) return data == null ? null : JsonDocument.Parse(data).RootElement.Clone();
                if (line.Length == 0)
                {
                    if (data != null) return JsonDocument.Parse(data).RootElement.Clone();
                    continue;
                }

                if (line.StartsWith(":", StringComparison.Ordinal)) continue; // an SSE comment
                if (line.StartsWith("data:", StringComparison.Ordinal)) data = (data == null ? string.Empty : data + "\n") + line.Substring(5).TrimStart(' ');
            }
        }

        /// <summary>The next message's event (result.event), skipping nothing.</summary>
        public async Task<JsonElement> NextEventAsync()
        {
            var message = await NextAsync();
            Assert.True(message.HasValue, "the stream ended");
            return message!.Value.GetProperty("result").GetProperty("event");
        }

        public void Dispose()
        {
            _reader.Dispose();
            _response.Dispose();
        }
    }
}
