using System.Threading.Channels;

namespace IotAdmin.Emulator.Events;

/// <summary>What an open devices:stream is sent next: an event, a ping, or the server's decision to close it.</summary>
internal abstract record StreamItem
{
    public sealed record Event(PublishedEvent Published) : StreamItem;

    public sealed record Ping(DateTimeOffset Time) : StreamItem;

    /// <summary>mode: "error" (an in-stream error line, then the end), "end" (a clean end), "abort" (a connection reset).</summary>
    public sealed record Close(string Mode) : StreamItem;
}

/// <summary>One open stream: its filter and its queue. A client too slow to keep up is disconnected, as a server would.</summary>
internal sealed class StreamSubscription : IDisposable
{
    private const int QueueLimit = 10_000;

    private readonly Channel<StreamItem> _queue = Channel.CreateBounded<StreamItem>(new BoundedChannelOptions(QueueLimit) { SingleReader = true });
    private readonly Action<StreamSubscription> _unsubscribe;

    public StreamSubscription(string projectId, StreamFilter filter, Action<StreamSubscription> unsubscribe)
    {
        ProjectId = projectId;
        Filter = filter;
        _unsubscribe = unsubscribe;
    }

    public string ProjectId { get; }

    public StreamFilter Filter { get; }

    public ChannelReader<StreamItem> Reader => _queue.Reader;

    public void Offer(PublishedEvent e)
    {
        if (e.ProjectId == ProjectId && Filter.Matches(e)) Send(new StreamItem.Event(e));
    }

    public void Send(StreamItem item)
    {
        if (!_queue.Writer.TryWrite(item)) _queue.Writer.TryComplete(); // overflow: the stream ends, the client reconnects
    }

    public void Dispose() => _unsubscribe(this);
}
