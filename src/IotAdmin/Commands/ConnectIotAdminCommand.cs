using System;
using System.Management.Automation;
using System.Security;
using IotAdmin.Commands.Infrastructure;
using IotAdmin.Http;
using IotAdmin.Operations;
using IotAdmin.Sessions;

namespace IotAdmin.Commands
{
    /// <summary>
    /// <para type="synopsis">Connects to an IoT API with a service account and makes the session current for this runspace.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "IotAdmin", DefaultParameterSetName = EnvironmentSet)]
    [OutputType(typeof(IotSession))]
    public sealed class ConnectIotAdminCommand : IotCmdlet
    {
        private const string KeyIdSet = "KeyId";
        private const string CredentialSet = "Credential";
        private const string FileSet = "CredentialsFile";
        private const string EnvironmentSet = "Environment";

        [Parameter(Mandatory = true, ParameterSetName = KeyIdSet)]
        [ValidateNotNullOrEmpty]
        public string KeyId { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ParameterSetName = KeyIdSet)]
        [ValidateNotNull]
        public SecureString? Secret { get; set; }

        /// <summary>A PSCredential whose user name is the key id and whose password is the secret.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
        [ValidateNotNull]
        [Credential]
        public PSCredential? Credential { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = KeyIdSet)]
        [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
        [ValidateNotNullOrEmpty]
        public string Email { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ParameterSetName = FileSet)]
        [ValidateNotNullOrEmpty]
        public string CredentialsFile { get; set; } = string.Empty;

        /// <summary>The API root, with or without /v2. Default: the DT API.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Endpoint { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? TokenEndpoint { get; set; }

        [Parameter]
        [ValidateRange(1, 100)]
        public int MaxAttempts { get; set; } = 6;

        [Parameter]
        [ValidateRange(1, 3600)]
        public int RequestTimeoutSec { get; set; } = 30;

        [Parameter]
        [ValidateRange(1, 3600)]
        public int MaxRetryDelaySec { get; set; } = 60;

        /// <summary>The server's budget the client keeps under: requests per window (default 75; 0 = no client-side limit).</summary>
        [Parameter]
        [ValidateRange(0, 1000000)]
        public int RequestsPerWindow { get; set; } = RateLimitOptions.DefaultRequestsPerWindow;

        [Parameter]
        [ValidateRange(1, 3600)]
        public int RateLimitWindowSec { get; set; } = 10;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var request = new ConnectRequest
            {
                Endpoint = Endpoint,
                TokenEndpoint = TokenEndpoint,
                Options = new IotSessionOptions
                {
                    MaxAttempts = MaxAttempts,
                    RequestTimeout = TimeSpan.FromSeconds(RequestTimeoutSec),
                    MaxRetryDelay = TimeSpan.FromSeconds(MaxRetryDelaySec),
                    RateLimit = new RateLimitOptions(RequestsPerWindow, TimeSpan.FromSeconds(RateLimitWindowSec)),
                },
            };
            switch (ParameterSetName)
            {
                case KeyIdSet:
                    request.KeyId = KeyId;
                    request.Secret = Secret;
                    request.Email = Email;
                    break;
                case CredentialSet:
                    request.KeyId = Credential!.UserName;
                    request.Secret = Credential.Password;
                    request.Email = Email;
                    break;
                case FileSet:
                    request.CredentialsFile = GetUnresolvedProviderPathFromPSPath(CredentialsFile);
                    break;
            }

            IotSession? session = null;
            Run(async (output, stopping) => session = await ConnectOperation.ConnectAsync(request, output, stopping).ConfigureAwait(false));
            if (session == null) return;
            CurrentSession.Set(session);
            if (PassThru) WriteObject(session);
        }
    }
}
