using System;
using System.Collections;
using System.Management.Automation;
using IotAdmin.Commands.Completion;
using IotAdmin.Commands.Infrastructure;
using IotAdmin.Models;
using IotAdmin.Operations;

namespace IotAdmin.Commands
{
    /// <summary>
    /// <para type="synopsis">Writes a project's live events to the pipeline as they happen, until Ctrl+C, -Count or -Timeout; reconnects by itself.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Watch, "IotEvent")]
    [OutputType(typeof(IotEvent))]
    public sealed class WatchIotEventCommand : IotSessionCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        public string ProjectId { get; set; } = string.Empty;

        [Parameter(Position = 1)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string[]? DeviceId { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(DeviceTypeCompleter))]
        public string[]? DeviceType { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(EventTypeCompleter))]
        public string[]? EventType { get; set; }

        /// <summary>Label filters: @{ floor = '3'; zone = $null } — a $null or '' value means "has this label".</summary>
        [Parameter]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(LabelKeyCompleter))]
        public Hashtable? Label { get; set; }

        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int Count { get; set; }

        [Parameter]
        [Duration]
        public TimeSpan Timeout { get; set; }

        /// <summary>Seconds between the server's pings (verbose only); a stream silent for longer plus 5 s is reconnected.</summary>
        [Parameter]
        [ValidateRange(1, 300)]
        public int PingIntervalSeconds { get; set; } = 10;

        /// <summary>Ask for text/event-stream framing instead of line-delimited JSON (the same events).</summary>
        [Parameter]
        public SwitchParameter ServerSentEvents { get; set; }

        protected override void ProcessRecord()
        {
            var session = ResolveSession();
            var request = new WatchEventRequest
            {
                ProjectId = ProjectId,
                DeviceIds = DeviceId,
                DeviceTypes = DeviceType,
                EventTypes = EventType,
                Labels = Label,
                Count = MyInvocation.BoundParameters.ContainsKey(nameof(Count)) ? Count : (int?)null,
                Timeout = MyInvocation.BoundParameters.ContainsKey(nameof(Timeout)) ? Timeout : (TimeSpan?)null,
                PingInterval = TimeSpan.FromSeconds(PingIntervalSeconds),
                ServerSentEvents = ServerSentEvents.IsPresent,
            };
            Run((output, stopping) => WatchEventOperation.RunAsync(session, request, output, stopping));
        }
    }
}
