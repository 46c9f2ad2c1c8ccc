using System;

namespace IotAdmin.Sessions
{
    /// <summary>
    /// Where DT's hosted emulator API lives for a session: the real service's "api.…/v2/" becomes "emulator.…/v2/";
    /// any other root (the local emulator, a proxy) gets "/emulator" before its version segment, the layout the
    /// local emulator serves. -EmulatorEndpoint overrides both.
    /// </summary>
    internal static class EmulatorEndpoint
    {
        public const string ApiHostPrefix = "api.";
        public const string EmulatorHostPrefix = "emulator.";
        public const string EmulatorPathSegment = "emulator";

        /// <summary>The emulator API root for <paramref name="apiRoot"/> (a session's Endpoint, ending "/v2/"), or the override normalised.</summary>
        public static Uri For(Uri apiRoot, string? overrideEndpoint)
        {
            if (!string.IsNullOrWhiteSpace(overrideEndpoint)) return IotEndpoint.NormalizeApiRoot(overrideEndpoint!, ProviderProfile.DisruptiveTechnologies.ApiVersion);
            if (apiRoot.Host.StartsWith(ApiHostPrefix, StringComparison.OrdinalIgnoreCase))
                return new UriBuilder(apiRoot) { Host = EmulatorHostPrefix + apiRoot.Host.Substring(ApiHostPrefix.Length) }.Uri;
            var path = apiRoot.AbsolutePath.TrimEnd('/');
            var cut = path.LastIndexOf('/');
            return new UriBuilder(apiRoot) { Path = path.Substring(0, cut) + "/" + EmulatorPathSegment + path.Substring(cut) + "/" }.Uri;
        }
    }
}
