using IotAdmin.Models;

namespace IotAdmin.Events
{
    /// <summary>One message of a stream: an event, or a ping (<see cref="Event"/> null; the server is alive).</summary>
    internal readonly struct StreamItem
    {
        public StreamItem(IotEvent? @event, System.DateTimeOffset? pingTime)
        {
            Event = @event;
            PingTime = pingTime;
        }

        public IotEvent? Event { get; }

        public System.DateTimeOffset? PingTime { get; }
    }
}
