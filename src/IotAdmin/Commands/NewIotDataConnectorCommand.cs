using System.Collections;
using System.Management.Automation;
using System.Security;
using IotAdmin.Commands.Completion;
using IotAdmin.Commands.Infrastructure;
using IotAdmin.Models;
using IotAdmin.Operations;

namespace IotAdmin.Commands
{
    /// <summary>
    /// <para type="synopsis">Creates an HTTP_PUSH data connector that posts every matching event of a project to a URL.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "IotDataConnector", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(IotDataConnector))]
    public sealed class NewIotDataConnectorCommand : IotSessionCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProjectIdCompleter))]
        public string ProjectId { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Url { get; set; } = string.Empty;

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? DisplayName { get; set; }

        [Parameter]
        [ValidateNotNull]
        public SecureString? SignatureSecret { get; set; }

        [Parameter]
        [ValidateNotNull]
        public Hashtable? Header { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(EventTypeCompleter))]
        public string[]? EventType { get; set; }

        [Parameter]
        [ValidateNotNull]
        public string[]? Label { get; set; }

        /// <summary>Create it USER_DISABLED (no pushes until Enable-IotDataConnector).</summary>
        [Parameter]
        public SwitchParameter Disabled { get; set; }

        protected override void ProcessRecord()
        {
            var session = ResolveSession();
            var request = new DataConnectorRequest
            {
                ProjectId = ProjectId,
                Url = Url,
                DisplayName = DisplayName,
                SignatureSecret = SignatureSecret,
                Headers = Header,
                EventTypes = EventType,
                Labels = Label,
                Status = Disabled.IsPresent ? "USER_DISABLED" : null,
            };
            Run((output, stopping) => DataConnectorOperation.NewAsync(session, request, output, stopping));
        }
    }
}
