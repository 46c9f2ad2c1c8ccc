using System.Management.Automation;
using IotAdmin.Models;
using IotAdmin.Operations.Admin;
using IotAdmin.Output;

namespace IotAdmin.Commands
{
    /// <summary>
    /// <para type="synopsis">Creates a key for a service account; its secret is shown once, as a SecureString and a PSCredential, and optionally written to an owner-only credentials file.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "IotServiceAccountKey", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(IotNewServiceAccountKey))]
    public sealed class NewIotServiceAccountKeyCommand : ServiceAccountCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ServiceAccountId { get; set; } = string.Empty;

        /// <summary>Also write a DT credentials file (what Connect-IotAdmin -CredentialsFile reads), readable by its owner only.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? OutFile { get; set; }

        /// <summary>Replace an existing -OutFile.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var path = OutFile == null ? null : GetUnresolvedProviderPathFromPSPath(OutFile);
            RunAdmin((call, stopping) => ServiceAccountKeyOperations.NewAsync(call, ProjectId, ServiceAccountId, path, Force, stopping));
        }

        private protected override ICommandOutput Wrap(ICommandOutput output) => new CredentialOutput(output);

        /// <summary>Adds Credential (user name = key id, password = the secret) to a new key: the form Connect-IotAdmin -Credential takes.</summary>
        private sealed class CredentialOutput : ForwardingOutput
        {
            public CredentialOutput(ICommandOutput inner)
                : base(inner)
            {
            }

            public override void WriteObject(object item)
            {
                if (item is IotNewServiceAccountKey key)
                {
                    var wrapped = new PSObject(key);
                    wrapped.Properties.Add(new PSNoteProperty("Credential", new PSCredential(key.KeyId, key.Secret)));
                    item = wrapped;
                }

                Inner.WriteObject(item);
            }
        }
    }
}
