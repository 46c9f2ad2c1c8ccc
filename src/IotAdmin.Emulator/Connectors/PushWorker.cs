using System.Net.Http.Headers;
using System.Threading.Channels;

namespace IotAdmin.Emulator.Connectors;

/// <summary>
/// Delivers one HTTP_PUSH connector's queue in order, at least once: an event leaves the queue only when the receiver
/// answers 2xx; otherwise it is sent again after 1, 2, 4 … 30 s (on the emulator's clock). Every attempt counts in
/// :metrics. After --connector-disable-after failed attempts in a row the connector becomes SYSTEM_DISABLED and its
/// queue is dropped (events while disabled are never forwarded later, as DT documents).
/// </summary>
internal sealed class PushWorker : IDisposable
{
    private const int QueueLimit = 100_000;
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private readonly ConnectorRecord _record;
    private readonly object _lock;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly int _disableAfter;
    private readonly Func<DateTimeOffset, string> _jti;
    private readonly Channel<byte[]> _queue = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(QueueLimit) { SingleReader = true, FullMode = BoundedChannelFullMode.DropOldest });
    private readonly CancellationTokenSource _stop = new();

    public PushWorker(ConnectorRecord record, object storeLock, HttpClient http, TimeProvider time, int disableAfter, Func<DateTimeOffset, string> jti)
    {
        _record = record;
        _lock = storeLock;
        _http = http;
        _time = time;
        _disableAfter = disableAfter;
        _jti = jti;
        _ = Task.Run(RunAsync);
    }

    public void Enqueue(byte[] body) => _queue.Writer.TryWrite(body);

    public void DropQueued()
    {
        while (_queue.Reader.TryRead(out _))
        {
        }
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _stop.Cancel();
    }

    private async Task RunAsync()
    {
        try
        {
            await foreach (var body in _queue.Reader.ReadAllAsync(_stop.Token))
            {
                var backoff = FirstBackoff;
                while (await AttemptAsync(body) == Outcome.Retry)
                {
                    await Task.Delay(backoff, _time, _stop.Token);
                    backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // deleted, reset or shut down
        }
    }

    private async Task<Outcome> AttemptAsync(byte[] body)
    {
        HttpPushConfig config;
        lock (_lock)
        {
            if (_record.Status != ConnectorStatus.Active || _record.Http == null) return Outcome.Dropped;
            config = _record.Http.Copy(); // a fix (new url) applies to the next attempt
        }

        var started = _time.GetTimestamp();
        var ok = await PostAsync(config, body);
        var latency = _time.GetElapsedTime(started);
        lock (_lock)
        {
            _record.Metrics.Add(_time.GetUtcNow(), ok, latency);
            if (ok)
            {
                _record.ConsecutiveFailures = 0;
                return Outcome.Delivered;
            }

            if (++_record.ConsecutiveFailures < _disableAfter) return Outcome.Retry;
            _record.Status = ConnectorStatus.SystemDisabled;
            DropQueued();
            return Outcome.Dropped;
        }
    }

    private async Task<bool> PostAsync(HttpPushConfig config, byte[] body)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, config.Url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            foreach (var h in config.Headers)
                if (!request.Headers.TryAddWithoutValidation(h.Key, h.Value)) request.Content.Headers.TryAddWithoutValidation(h.Key, h.Value);
            if (config.SignatureSecret.Length > 0)
            {
                var now = _time.GetUtcNow();
                request.Headers.TryAddWithoutValidation("X-Dt-Signature", PushSigner.Sign(body, config.SignatureSecret, now, _jti(now)));
            }

            using var response = await _http.SendAsync(request, _stop.Token);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !_stop.IsCancellationRequested)
        {
            return false; // no answer: refused, reset or timed out
        }
    }

    private enum Outcome
    {
        Delivered,
        Retry,
        Dropped,
    }
}
