using System;
using System.Management.Automation;
using System.Security;
using IotAdmin.Commands.Infrastructure;
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
        [ValidateSet(ProviderProfile.DisruptiveTechnologiesName, ProviderProfile.GoogleIotCoreName)]
        public string? Provider { get; set; }

        /// <summary>GoogleIotCore: a Google service-account key file (default: GOOGLE_APPLICATION_CREDENTIALS).</summary>
        [Parameter(Mandatory = true, ParameterSetName = GoogleSet)]
        [ValidateNotNullOrEmpty]
        public string KeyFile { get; set; } = string.Empty;

        /// <summary>GoogleIotCore: the region whose registries are the projects (default us-central1).</summary>
        [Parameter(ParameterSetName = GoogleSet)]
        [Parameter(ParameterSetName = EnvironmentSet)]
        [ValidateNotNullOrEmpty]
        public string Location { get; set; } = ProviderProfile.DefaultGoogleLocation;

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
        [ValidateRange(1, IotSessionOptions.MaxAttemptsLimit)]
        public int MaxAttempts { get; set; } = IotSessionOptions.DefaultMaxAttempts;

        [Parameter]
        [ValidateRange(1, IotSessionOptions.SecondsLimit)]
        public int RequestTimeoutSec { get; set; } = IotSessionOptions.DefaultRequestTimeoutSeconds;

        [Parameter]
        [ValidateRange(1, IotSessionOptions.SecondsLimit)]
        public int MaxRetryDelaySec { get; set; } = IotSessionOptions.DefaultMaxRetryDelaySeconds;

        /// <summary>The server's budget the client keeps under: requests per window (default 75 for DT, 500 for GoogleIotCore; 0 = no client-side limit).</summary>
        [Parameter]
        [ValidateRange(0, 1000000)]
        public int RequestsPerWindow { get; set; }

        /// <summary>The window of -RequestsPerWindow (default 10 s).</summary>
        [Parameter]
        [ValidateRange(1, IotSessionOptions.SecondsLimit)]
        public int RateLimitWindowSec { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private bool Bound(string parameter) => MyInvocation.BoundParameters.ContainsKey(parameter);

        protected override void ProcessRecord()
        {
            var provider = Provider ?? (ParameterSetName == GoogleSet ? ProviderProfile.GoogleIotCoreName : ProviderProfile.DisruptiveTechnologiesName);
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
                },
                // Unset: the provider's budget, decided in Core (ProviderProfile).
                RequestsPerWindow = Bound(nameof(RequestsPerWindow)) ? RequestsPerWindow : (int?)null,
                RateLimitWindow = Bound(nameof(RateLimitWindowSec)) ? TimeSpan.FromSeconds(RateLimitWindowSec) : (TimeSpan?)null,
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
