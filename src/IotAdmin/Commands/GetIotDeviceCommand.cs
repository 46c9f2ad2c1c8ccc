using System.Collections;
using System.Management.Automation;
using IotAdmin.Commands.Completion;
using IotAdmin.Commands.Infrastructure;
using IotAdmin.Models;
using IotAdmin.Operations;

namespace IotAdmin.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets devices of a project (default: every project of the account's organizations), streamed page by page.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IotDevice")]
    [OutputType(typeof(IotDevice))]
    public sealed class GetIotDeviceCommand : IotSessionCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        public string? ProjectId { get; set; }

        /// <summary>
        /// Device ids, or names "projects/{p}/devices/{d}": plain strings by value, or the DeviceId (Id) property of
        /// piped objects. [PlainId] keeps a piped project from being taken for an id by its ToString(); no "Name"
        /// alias, because a project's Name ("projects/p") would bind to it by property name.
        /// </summary>
        [Parameter(Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [PlainId]
        [ValidateNotNullOrEmpty]
        public string[]? DeviceId { get; set; }

        /// <summary>Label filters: @{ floor = '3'; zone = $null } — a $null or '' value means "has this label"; values as Set-IotLabel's.</summary>
        [Parameter]
        [ValidateNotNull]
        [LabelValues]
        [ArgumentCompleter(typeof(LabelKeyCompleter))]
        public Hashtable? Label { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(DeviceTypeCompleter))]
        public string[]? DeviceType { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? ProductNumber { get; set; }

        /// <summary>Free text over type, labels and ids.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Query { get; set; }

        /// <summary>A field path: labels.name, reported.temperature.value, id, type; "-" first for descending.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(OrderByCompleter))]
        public string? OrderBy { get; set; }

        protected override void ProcessRecord()
        {
            var session = ResolveSession();
            var request = new GetDeviceRequest
            {
                ProjectId = ProjectId,
                DeviceIds = DeviceId,
                Labels = Label,
                DeviceTypes = DeviceType,
                ProductNumbers = ProductNumber,
                Query = Query,
                OrderBy = OrderBy,
            };
            Run((output, stopping) => GetDeviceOperation.RunAsync(session, request, output, stopping));
        }
    }
}
