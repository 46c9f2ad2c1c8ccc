using System.Collections;
using System.Management.Automation;
using System.Security;
using IotAdmin.Commands.Completion;
using IotAdmin.Models;
using IotAdmin.Operations;

namespace IotAdmin.Commands
{
    /// <summary>
    /// <para type="synopsis">Changes data connectors: URL, signature secret, headers, event types, labels or display name.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "IotDataConnector", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(IotDataConnector))]
    public sealed class SetIotDataConnectorCommand : DataConnectorCmdlet
    {
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Url { get; set; }

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
        [ValidateNotNull]
        [ArgumentCompleter(typeof(EventTypeCompleter))]
        public string[]? EventType { get; set; }

        [Parameter]
        [ValidateNotNull]
        public string[]? Label { get; set; }

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
            };
            Run((output, stopping) => DataConnectorOperation.UpdateAsync(session, request, DataConnectorId, "Change the data connector", output, stopping));
        }
    }
}
