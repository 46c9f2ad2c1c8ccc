using System;
using System.Management.Automation;
using IotAdmin.Commands.Completion;
using IotAdmin.Commands.Infrastructure;
using IotAdmin.Models;
using IotAdmin.Operations;

namespace IotAdmin.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the event history of devices (default: the last 24 hours), newest first, streamed page by page.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IotEvent", DefaultParameterSetName = "Window")]
    [OutputType(typeof(IotEvent))]
    public sealed class GetIotEventCommand : IotSessionCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        public string? ProjectId { get; set; }

        /// <summary>Device ids or names; the DeviceId of piped devices. None: every device of the project.</summary>
        [Parameter(Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [PlainId]
        [ValidateNotNullOrEmpty]
        public string[]? DeviceId { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(EventTypeCompleter))]
        public string[]? EventType { get; set; }

        [Parameter(ParameterSetName = "Window")]
        public DateTime? StartTime { get; set; }

        [Parameter]
        public DateTime? EndTime { get; set; }

        /// <summary>The window back from now: -Last 6h, -Last (New-TimeSpan -Hours 6), or -Last 6:00:00.</summary>
        [Parameter(ParameterSetName = "Last", Mandatory = true)]
        [Duration]
        public TimeSpan? Last { get; set; }

        protected override void ProcessRecord()
        {
            var session = ResolveSession();
            var request = new GetEventRequest
            {
                ProjectId = ProjectId,
                DeviceIds = DeviceId,
                EventTypes = EventType,
                StartTime = StartTime.HasValue ? new DateTimeOffset(StartTime.Value) : (DateTimeOffset?)null,
                EndTime = EndTime.HasValue ? new DateTimeOffset(EndTime.Value) : (DateTimeOffset?)null,
                Last = Last,
            };
            Run((output, stopping) => GetEventOperation.RunAsync(session, request, output, stopping));
        }
    }
}
