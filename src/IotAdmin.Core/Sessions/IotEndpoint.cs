using System;
using System.Net;

namespace IotAdmin.Sessions
{
    /// <summary>The API root and token endpoint rules: https everywhere except loopback; "/v2" optional on input.</summary>
    internal static class IotEndpoint
    {
        public static readonly Uri DtApiRoot = new Uri("https://api.disruptive-technologies.com/v2/");
        public static readonly Uri DtTokenEndpoint = new Uri("https://identity.disruptive-technologies.com/oauth2/token");
        public static readonly Uri GoogleApiRoot = new Uri("https://cloudiot.googleapis.com/v1/");

        /// <summary>"https://host", "https://host/v2" or "https://host/v2/" → "https://host/v2/" (or /v1/). Throws ArgumentException when unusable.</summary>
        public static Uri NormalizeApiRoot(string endpoint, string version)
        {
            var uri = Parse(endpoint, "Endpoint");
            var path = uri.AbsolutePath.TrimEnd('/');
            if (!path.EndsWith("/" + version, StringComparison.OrdinalIgnoreCase)) path += "/" + version;
            return new UriBuilder(uri) { Path = path + "/", Query = string.Empty, Fragment = string.Empty }.Uri;
        }

        /// <summary>The token endpoint: as given; else DT's identity service for DT's API, else {root}/oauth2/token (the emulator's).</summary>
        public static Uri ResolveTokenEndpoint(Uri apiRoot, string? tokenEndpoint)
        {
            if (!string.IsNullOrWhiteSpace(tokenEndpoint)) return Parse(tokenEndpoint!, "TokenEndpoint");
            if (apiRoot.Host.EndsWith("disruptive-technologies.com", StringComparison.OrdinalIgnoreCase) || apiRoot.Host.EndsWith("d21s.com", StringComparison.OrdinalIgnoreCase))
                return DtTokenEndpoint;
            return new Uri(new UriBuilder(apiRoot) { Path = "/" }.Uri, "oauth2/token");
        }

        public static bool IsLoopback(Uri uri)
        {
            if (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)) return true;
            return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
        }

        private static Uri Parse(string text, string parameter)
        {
            if (!Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                throw new ArgumentException("-" + parameter + " '" + text + "' is not an absolute http(s) URL.", parameter);
            if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
                throw new ArgumentException("-" + parameter + " '" + text + "' uses plain http; https is required except for loopback addresses (the emulator).", parameter);
            if (!string.IsNullOrEmpty(uri.UserInfo))
                throw new ArgumentException("-" + parameter + " must not carry a user name or password in the URL.", parameter);
            return uri;
        }
    }
}
