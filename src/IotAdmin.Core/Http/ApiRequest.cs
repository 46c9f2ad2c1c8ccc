using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;

namespace IotAdmin.Http
{
    /// <summary>One API call, described once and turned into a fresh HttpRequestMessage for every attempt.</summary>
    internal sealed class ApiRequest
    {
        private readonly List<KeyValuePair<string, string>> _query = new List<KeyValuePair<string, string>>();

        public ApiRequest(HttpMethod method, string path)
        {
            Method = method;
            Path = path.TrimStart('/');
        }

        public HttpMethod Method { get; }

        /// <summary>Relative to the API root, e.g. "projects/p1/devices" (no leading slash, as resource names).</summary>
        public string Path { get; }

        public byte[]? JsonBody { get; set; }

        /// <summary>Another API root of the same account (DT's emulator API); null = the session's API root.</summary>
        public Uri? Root { get; set; }

        /// <summary>
        /// Whether the retry loop may resend this request by itself. True for reads and idempotent writes
        /// (label add/remove); false for writes whose repeat could do harm (the caller re-checks instead).
        /// </summary>
        public bool MayRetry { get; set; } = true;

        /// <summary>The Accept header; null for none (the API answers JSON). A stream asks for its framing with it.</summary>
        public string? Accept { get; set; }

        /// <summary>What the call is about (device, project, label): becomes the ErrorRecord's target.</summary>
        public object? Target { get; set; }

        /// <summary>Adds a query parameter; arrays are sent as repeated keys (device_ids=a&amp;device_ids=b).</summary>
        public ApiRequest Query(string name, string? value)
        {
            if (value != null) _query.Add(new KeyValuePair<string, string>(name, value));
            return this;
        }

        public ApiRequest Query(string name, IEnumerable<string>? values)
        {
            if (values == null) return this;
            foreach (var v in values) Query(name, v);
            return this;
        }

        public Uri BuildUri(Uri apiRoot)
        {
            var sb = new StringBuilder((Root ?? apiRoot).AbsoluteUri.TrimEnd('/')).Append('/').Append(Path);
            for (var i = 0; i < _query.Count; i++)
            {
                sb.Append(i == 0 ? '?' : '&')
                  .Append(Uri.EscapeDataString(_query[i].Key)).Append('=')
                  .Append(Uri.EscapeDataString(_query[i].Value));
            }

            return new Uri(sb.ToString());
        }

        /// <summary>The path as the user and the error records see it (API root path + resource path, no query).</summary>
        public string DisplayPath(Uri apiRoot) => (Root ?? apiRoot).AbsolutePath.TrimEnd('/') + "/" + Path;
    }
}
