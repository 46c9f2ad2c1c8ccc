using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Http;
using IotAdmin.Models;

namespace IotAdmin.Events
{
    /// <summary>
    /// The wire of events: history and live streams (a separate interface from IIotBackend: only DT has events).
    /// </summary>
    internal interface IEventsBackend
    {
        /// <summary>One device's history, newest first, streamed page by page.</summary>
        IAsyncEnumerable<IotEvent> ListEventsAsync(EventQuery query, ApiCallContext context, CancellationToken cancellationToken);

        /// <summary>Opens a stream (token, limiter, 401 refresh as every call; no retries: the watcher reconnects). Dispose it to close.</summary>
        Task<IEventStreamConnection> OpenStreamAsync(StreamQuery query, ApiCallContext context, CancellationToken cancellationToken);
    }

    /// <summary>An open stream.</summary>
    internal interface IEventStreamConnection : System.IDisposable
    {
        /// <summary>The next event or ping. The end of the stream (clean, an in-stream error, silence, a broken connection) throws a retryable IotApiException.</summary>
        Task<StreamItem> ReadAsync(CancellationToken cancellationToken);
    }
}
