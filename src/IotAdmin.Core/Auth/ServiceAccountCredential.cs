using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Security;
using System.Text;
using System.Linq;
using System.Text.Json;

namespace IotAdmin.Auth
{
    /// <summary>
    /// A DT service-account key: key id, e-mail and secret. The secret is held in a read-only SecureString and is
    /// turned into bytes only for the moment a JWT is signed; it never appears in ToString, messages or logs.
    /// </summary>
    internal sealed class ServiceAccountCredential
    {
        public const string KeyIdVariable = "DT_SERVICE_ACCOUNT_KEY_ID";
        public const string SecretVariable = "DT_SERVICE_ACCOUNT_SECRET";
        public const string EmailVariable = "DT_SERVICE_ACCOUNT_EMAIL";

        private readonly SecureString _secret;

        public ServiceAccountCredential(string keyId, SecureString secret, string email)
        {
            if (string.IsNullOrWhiteSpace(keyId)) throw new ArgumentException("The service account's key id is empty.", nameof(keyId));
            if (secret == null || secret.Length == 0) throw new ArgumentException("The service account's secret is empty.", nameof(secret));
            if (string.IsNullOrWhiteSpace(email) || email.IndexOf('@') <= 0) throw new ArgumentException("The service account's e-mail '" + email + "' is not an e-mail address.", nameof(email));
            KeyId = keyId.Trim();
            Email = email.Trim();
            _secret = secret.Copy();
            _secret.MakeReadOnly();
        }

        public string KeyId { get; }

        public string Email { get; }

        /// <summary>The token endpoint a credentials file names, if it was read from one.</summary>
        public Uri? TokenEndpoint { get; private set; }

        /// <summary>Reads DT_SERVICE_ACCOUNT_KEY_ID / _SECRET / _EMAIL; null when none is set; throws naming what is missing.</summary>
        public static ServiceAccountCredential? FromEnvironment()
        {
            var keyId = Environment.GetEnvironmentVariable(KeyIdVariable);
            var secret = Environment.GetEnvironmentVariable(SecretVariable);
            var email = Environment.GetEnvironmentVariable(EmailVariable);
            if (string.IsNullOrEmpty(keyId) && string.IsNullOrEmpty(secret) && string.IsNullOrEmpty(email)) return null;
            var missing = string.Join(", ", new[] { string.IsNullOrEmpty(keyId) ? KeyIdVariable : null, string.IsNullOrEmpty(secret) ? SecretVariable : null, string.IsNullOrEmpty(email) ? EmailVariable : null }.Where(s => s != null));
            if (missing.Length > 0) throw new ArgumentException("The environment names a service account but lacks " + missing + ".");
            return new ServiceAccountCredential(keyId!, ToSecure(secret!), email!);
        }

        /// <summary>Reads a DT credentials file: {"serviceAccount":{"keyId","secret","email","algorithm","tokenEndpoint"}}.</summary>
        public static ServiceAccountCredential FromFile(string path)
        {
            if (!File.Exists(path)) throw new FileNotFoundException("The credentials file '" + path + "' does not exist.", path);
            try
            {
                using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
                if (!doc.RootElement.TryGetProperty("serviceAccount", out var sa) || sa.ValueKind != JsonValueKind.Object)
                    throw new ArgumentException("The credentials file '" + path + "' has no \"serviceAccount\" object.");
                string Field(string name) =>
                    sa.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrEmpty(v.GetString())
                        ? v.GetString()!
                        : throw new ArgumentException("The credentials file '" + path + "' lacks serviceAccount." + name + ".");
                var algorithm = sa.TryGetProperty("algorithm", out var alg) && alg.ValueKind == JsonValueKind.String ? alg.GetString() : "HS256";
                if (!string.Equals(algorithm, "HS256", StringComparison.OrdinalIgnoreCase))
                    throw new ArgumentException("The credentials file '" + path + "' asks for algorithm '" + algorithm + "'; only HS256 is supported.");
                var credential = new ServiceAccountCredential(Field("keyId"), ToSecure(Field("secret")), Field("email"));
                if (sa.TryGetProperty("tokenEndpoint", out var te) && te.ValueKind == JsonValueKind.String && Uri.TryCreate(te.GetString(), UriKind.Absolute, out var tokenUri))
                    credential.TokenEndpoint = tokenUri;
                return credential;
            }
            catch (JsonException e)
            {
                throw new ArgumentException("The credentials file '" + path + "' is not valid JSON: " + e.Message);
            }
        }

        public override string ToString() => KeyId + " (" + Email + ")";

        /// <summary>Hands the secret's UTF-8 bytes to <paramref name="use"/> and clears them afterwards.</summary>
        internal T WithSecretBytes<T>(Func<byte[], T> use)
        {
            var ptr = IntPtr.Zero;
            char[]? chars = null;
            byte[]? bytes = null;
            try
            {
                ptr = Marshal.SecureStringToGlobalAllocUnicode(_secret);
                chars = new char[_secret.Length];
                Marshal.Copy(ptr, chars, 0, chars.Length);
                bytes = Encoding.UTF8.GetBytes(chars);
                return use(bytes);
            }
            finally
            {
                if (ptr != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(ptr);
                if (chars != null) Array.Clear(chars, 0, chars.Length);
                if (bytes != null) Array.Clear(bytes, 0, bytes.Length);
            }
        }

        internal static SecureString ToSecure(string text)
        {
            var s = new SecureString();
            foreach (var c in text) s.AppendChar(c);
            s.MakeReadOnly();
            return s;
        }
    }
}
