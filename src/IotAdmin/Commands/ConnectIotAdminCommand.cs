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
        private const string GoogleSet = "GoogleKeyFile";

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

        /// <summary>DisruptiveTechnologies (default) or GoogleIotCore (a Cloud IoT Core-compatible API).</summary>
        [Parameter]
        [ValidateSet(ConnectOperation.DisruptiveTechnologies, ConnectOperation.GoogleIotCore)]
        public string? Provider { get; set; }

        /// <summary>GoogleIotCore: a Google service-account key file (default: GOOGLE_APPLICATION_CREDENTIALS).</summary>
        [Parameter(Mandatory = true, ParameterSetName = GoogleSet)]
        [ValidateNotNullOrEmpty]
        public string KeyFile { get; set; } = string.Empty;

        /// <summary>GoogleIotCore: the region whose registries are the projects (default us-central1).</summary>
        [Parameter(ParameterSetName = GoogleSet)]
        [Parameter(ParameterSetName = EnvironmentSet)]
        [ValidateNotNullOrEmpty]
        public string Location { get; set; } = "us-central1";

        /// <summary>GoogleIotCore: the Google Cloud project (default: the key's project_id).</summary>
        [Parameter(ParameterSetName = GoogleSet)]
        [Parameter(ParameterSetName = EnvironmentSet)]
        [ValidateNotNullOrEmpty]
        public string? CloudProjectId { get; set; }

        /// <summary>The API root, with or without /v2 (/v1 for GoogleIotCore). Default: the provider's public API.</summary>
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

        /// <summary>The server's budget the client keeps under: requests per window (default 75 for DT, 500 for GoogleIotCore; 0 = no client-side limit).</summary>
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
            var provider = Provider ?? (ParameterSetName == GoogleSet ? ConnectOperation.GoogleIotCore : ConnectOperation.DisruptiveTechnologies);
            var google = provider == ConnectOperation.GoogleIotCore;
            // Cloud IoT Core's write quota is 3,000 per minute per project: 500 per 10 s unless told otherwise.
            var requests = MyInvocation.BoundParameters.ContainsKey(nameof(RequestsPerWindow)) || !google ? RequestsPerWindow : 500;
            var request = new ConnectRequest
            {
                Provider = provider,
                Endpoint = Endpoint,
                TokenEndpoint = TokenEndpoint,
                Location = Location,
                CloudProjectId = CloudProjectId,
                Options = new IotSessionOptions
                {
                    MaxAttempts = MaxAttempts,
                    RequestTimeout = TimeSpan.FromSeconds(RequestTimeoutSec),
                    MaxRetryDelay = TimeSpan.FromSeconds(MaxRetryDelaySec),
                    RateLimit = new RateLimitOptions(requests, TimeSpan.FromSeconds(RateLimitWindowSec)),
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
                case GoogleSet:
                    request.KeyFile = GetUnresolvedProviderPathFromPSPath(KeyFile);
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
