using System;

namespace IotAdmin.Sessions
{
    /// <summary>
    /// What differs between the APIs behind the cmdlets, in one place: the name users type, the public API root and
    /// its version segment, and the request budget the client keeps under when the user names none.
    /// </summary>
    internal sealed class ProviderProfile
    {
        public const string DisruptiveTechnologiesName = "DisruptiveTechnologies";
        public const string GoogleIotCoreName = "GoogleIotCore";

        /// <summary>Cloud IoT Core's region when none is given.</summary>
        public const string DefaultGoogleLocation = "us-central1";

        /// <summary>DT REST API v2: 75 requests per 10 s per service account (dt-api.md).</summary>
        public static readonly ProviderProfile DisruptiveTechnologies = new ProviderProfile(DisruptiveTechnologiesName, IotEndpoint.DtApiRoot, "v2", 75);

        /// <summary>Cloud IoT Core v1: 3,000 writes per minute per project, kept as 500 per 10 s.</summary>
        public static readonly ProviderProfile GoogleIotCore = new ProviderProfile(GoogleIotCoreName, IotEndpoint.GoogleApiRoot, "v1", 500);

        private ProviderProfile(string name, Uri defaultApiRoot, string apiVersion, int requestsPerWindow)
        {
            Name = name;
            DefaultApiRoot = defaultApiRoot;
            ApiVersion = apiVersion;
            RequestsPerWindow = requestsPerWindow;
        }

        public string Name { get; }

        public Uri DefaultApiRoot { get; }

        /// <summary>The version segment every API root ends in ("v2", "v1").</summary>
        public string ApiVersion { get; }

        /// <summary>The server's budget per <see cref="Http.RateLimitOptions.DefaultWindow"/> when the user names none.</summary>
        public int RequestsPerWindow { get; }

        /// <summary>The client-side limit a session gets when its options name none.</summary>
        public Http.RateLimitOptions DefaultRateLimit => new Http.RateLimitOptions(RequestsPerWindow, Http.RateLimitOptions.DefaultWindow);

        /// <summary>The profile named <paramref name="name"/> (case-insensitive); ArgumentException naming -Provider otherwise.</summary>
        public static ProviderProfile Named(string? name)
        {
            if (name == null || string.Equals(name, DisruptiveTechnologiesName, StringComparison.OrdinalIgnoreCase)) return DisruptiveTechnologies;
            if (string.Equals(name, GoogleIotCoreName, StringComparison.OrdinalIgnoreCase)) return GoogleIotCore;
            throw new ArgumentException("-Provider must be " + DisruptiveTechnologiesName + " or " + GoogleIotCoreName + ", not '" + name + "'.", "Provider");
        }

        public override string ToString() => Name;
    }
}
