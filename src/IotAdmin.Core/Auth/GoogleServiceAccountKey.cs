using System;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace IotAdmin.Auth
{
    /// <summary>
    /// A Google service-account key file (type service_account: client_email, private_key, private_key_id, token_uri,
    /// project_id). The private key stays in this object; ToString shows only the account.
    /// </summary>
    internal sealed class GoogleServiceAccountKey
    {
        public const string DefaultScope = "https://www.googleapis.com/auth/cloudiot";

        private readonly RSAParameters _key;

        private GoogleServiceAccountKey(string email, string keyId, string projectId, Uri tokenUri, RSAParameters key)
        {
            Email = email;
            KeyId = keyId;
            ProjectId = projectId;
            TokenUri = tokenUri;
            _key = key;
        }

        public string Email { get; }

        public string KeyId { get; }

        /// <summary>The Google Cloud project the key belongs to (the default for -CloudProjectId).</summary>
        public string ProjectId { get; }

        public Uri TokenUri { get; }

        public static GoogleServiceAccountKey FromFile(string path)
        {
            if (!File.Exists(path)) throw new FileNotFoundException("The key file '" + path + "' does not exist.", path);
            try
            {
                using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
                var root = doc.RootElement;
                string Field(string name) =>
                    root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrEmpty(v.GetString())
                        ? v.GetString()!
                        : throw new ArgumentException("The key file '" + path + "' lacks " + name + ".", "KeyFile");
                if (Field("type") != "service_account") throw new ArgumentException("The key file '" + path + "' is not a service-account key (type must be service_account).", "KeyFile");
                if (!Uri.TryCreate(Field("token_uri"), UriKind.Absolute, out var tokenUri)) throw new ArgumentException("The key file's token_uri is not a URL.", "KeyFile");
                var pem = Field("private_key");
                RSAParameters key;
                try
                {
                    key = RsaPrivateKeyPem.Parse(pem);
                    ProveUsable(key);
                }
                catch (Exception e) when (e is FormatException || e is CryptographicException || e is IndexOutOfRangeException || e is OverflowException || e is ArgumentException)
                {
                    // A corrupted key must fail here, naming the file, not at the first signature with OpenSSL's words.
                    throw new ArgumentException("The key file '" + path + "' has a private_key that cannot be used as an RSA key (" + e.GetType().Name + ": " + e.Message.TrimEnd('.') + "); download a new key for the service account.", "KeyFile");
                }

                return new GoogleServiceAccountKey(Field("client_email"), Field("private_key_id"), Field("project_id"), tokenUri, key);
            }
            catch (JsonException e)
            {
                throw new ArgumentException("The key file '" + path + "' is not valid JSON: " + e.Message, "KeyFile");
            }
        }

        /// <summary>Imports the key and signs a few bytes: the checks OpenSSL makes only at the first real signature.</summary>
        private static void ProveUsable(RSAParameters key)
        {
            using var rsa = RSA.Create();
            rsa.ImportParameters(key);
            rsa.SignData(new byte[] { 1 }, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }

        public override string ToString() => Email + " (" + KeyId + ")";

        /// <summary>The RS256 assertion of Google's JWT-bearer grant: iss, scope, aud = token endpoint, iat, exp = iat + 1 h.</summary>
        internal string CreateAssertion(string scope, Uri audience, DateTimeOffset now)
        {
            var iat = now.AddSeconds(-5).ToUnixTimeSeconds();
            var header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":" + Json(KeyId) + "}";
            var payload = "{\"iss\":" + Json(Email) + ",\"scope\":" + Json(scope) + ",\"aud\":" + Json(audience.AbsoluteUri)
                + ",\"iat\":" + iat.ToString(CultureInfo.InvariantCulture) + ",\"exp\":" + (iat + 3600).ToString(CultureInfo.InvariantCulture) + "}";
            var input = JwtAssertion.Base64Url(Encoding.UTF8.GetBytes(header)) + "." + JwtAssertion.Base64Url(Encoding.UTF8.GetBytes(payload));
            using var rsa = RSA.Create();
            rsa.ImportParameters(_key);
            var signature = rsa.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            return input + "." + JwtAssertion.Base64Url(signature);
        }

        private static string Json(string value) => JsonSerializer.Serialize(value, Wire.WireJsonContext.Default.String);
    }
}
