using System;
using IotAdmin.Operations.Changes;

namespace IotAdmin.Journal
{
    /// <summary>One journal line: a device's state before and after one command changed it.</summary>
    internal sealed class JournalEntry
    {
        public JournalEntry(DateTimeOffset time, string operation, string command, string deviceId, DeviceState before, DeviceState after)
        {
            Time = time;
            Operation = operation;
            Command = command;
            DeviceId = deviceId;
            Before = before;
            After = after;
        }

        public DateTimeOffset Time { get; }

        /// <summary>The id of the command run that wrote the line (every line of one run shares it).</summary>
        public string Operation { get; }

        public string Command { get; }

        public string DeviceId { get; }

        public DeviceState Before { get; }

        public DeviceState After { get; }
    }
}
