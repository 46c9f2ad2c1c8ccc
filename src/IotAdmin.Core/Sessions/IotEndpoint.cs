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

        /// <summary>
        /// "https://host", "https://host/v2" or "https://host/v2/" → "https://host/v2/" (or /v1/). Throws ArgumentException
        /// when unusable — also for a path that goes on after the version ("…/v2/projects"), which is a resource, not the
        /// API root: appending /v2 to it would send every call to "…/v2/projects/v2/…".
        /// </summary>
        public static Uri NormalizeApiRoot(string endpoint, string version)
        {
            var uri = Parse(endpoint, "Endpoint");
            var segments = uri.AbsolutePath.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
            var at = Array.FindIndex(segments, s => string.Equals(s, version, StringComparison.OrdinalIgnoreCase));
            if (at >= 0 && at < segments.Length - 1)
            {
                var root = new UriBuilder(uri) { Path = string.Join("/", segments, 0, at + 1), Query = string.Empty, Fragment = string.Empty }.Uri.AbsoluteUri;
                throw new ArgumentException("-Endpoint '" + endpoint + "' goes on after /" + version + ": give the API root, e.g. '" + root + "'.", "Endpoint");
            }

            var path = uri.AbsolutePath.TrimEnd('/');
            if (!path.EndsWith("/" + version, StringComparison.OrdinalIgnoreCase)) path += "/" + version;
            return new UriBuilder(uri) { Path = path + "/", Query = string.Empty, Fragment = string.Empty }.Uri;
        }

        /// <summary>The token endpoint: as given; else DT's identity service for DT's API, else {root}/oauth2/token (the emulator's).</summary>
        public static Uri ResolveTokenEndpoint(Uri apiRoot, string? tokenEndpoint)
        {
            if (!string.IsNullOrWhiteSpace(tokenEndpoint)) return Parse(tokenEndpoint!, "TokenEndpoint");
            if (IsDtHost(apiRoot.Host)) return DtTokenEndpoint;
            return new Uri(new UriBuilder(apiRoot) { Path = "/" }.Uri, "oauth2/token");
        }

        /// <summary>
        /// The API root when only a token endpoint is known (a credentials file's tokenEndpoint, or -TokenEndpoint,
        /// without -Endpoint): null for DT's own identity service (the public API root applies); otherwise the same
        /// scheme, host and port with "/{version}/" — tokens from a private or test identity service are never sent
        /// to the public API.
        /// </summary>
        public static Uri? ApiRootBesideTokenEndpoint(string? tokenEndpoint, string version)
        {
            if (string.IsNullOrWhiteSpace(tokenEndpoint)) return null;
            var token = Parse(tokenEndpoint!, "TokenEndpoint");
            return IsDtHost(token.Host) ? null : new UriBuilder(token) { Path = "/" + version + "/", Query = string.Empty, Fragment = string.Empty }.Uri;
        }

        /// <summary>True when tokens and API calls go to one site: the same host, or the provider's known pair (DT's api/identity, Google's googleapis.com).</summary>
        public static bool SameSite(Uri apiRoot, Uri tokenEndpoint) =>
            string.Equals(apiRoot.Host, tokenEndpoint.Host, StringComparison.OrdinalIgnoreCase)
            || (IsDtHost(apiRoot.Host) && IsDtHost(tokenEndpoint.Host))
            || (IsUnder(apiRoot.Host, "googleapis.com") && IsUnder(tokenEndpoint.Host, "googleapis.com"));

        private static bool IsDtHost(string host) => IsUnder(host, "disruptive-technologies.com") || IsUnder(host, "d21s.com");

        private static bool IsUnder(string host, string domain) =>
            string.Equals(host, domain, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase);

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
