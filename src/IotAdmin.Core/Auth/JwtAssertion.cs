using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IotAdmin.Auth
{
    /// <summary>
    /// The service account's JWT for the OAuth2 JWT-bearer grant (dt-api.md §1): HS256, header kid, claims iss = e-mail,
    /// aud = token endpoint, iat backdated 5 s for clock skew, exp = iat + 1 h (the server's maximum). Twenty lines
    /// by hand instead of a JWT library (design.md).
    /// </summary>
    internal static class JwtAssertion
    {
        public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

        private static readonly TimeSpan SkewAllowance = TimeSpan.FromSeconds(5);

        public static string Create(ServiceAccountCredential credential, Uri tokenEndpoint, DateTimeOffset now)
        {
            var iat = now.Subtract(SkewAllowance).ToUnixTimeSeconds();
            var exp = iat + (long)Lifetime.TotalSeconds;
            var header = "{\"alg\":\"HS256\",\"kid\":" + JsonString(credential.KeyId) + ",\"typ\":\"JWT\"}";
            var payload = "{\"iat\":" + iat.ToString(CultureInfo.InvariantCulture)
                + ",\"exp\":" + exp.ToString(CultureInfo.InvariantCulture)
                + ",\"aud\":" + JsonString(tokenEndpoint.AbsoluteUri)
                + ",\"iss\":" + JsonString(credential.Email) + "}";
            var signingInput = Base64Url(Encoding.UTF8.GetBytes(header)) + "." + Base64Url(Encoding.UTF8.GetBytes(payload));
            var signature = credential.WithSecretBytes(key =>
            {
                using var hmac = new HMACSHA256(key);
                return hmac.ComputeHash(Encoding.ASCII.GetBytes(signingInput));
            });
            return signingInput + "." + Base64Url(signature);
        }

        internal static string Base64Url(byte[] bytes) =>
            Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        private static string JsonString(string value) =>
            System.Text.Json.JsonSerializer.Serialize(value, Wire.WireJsonContext.Default.String);
    }
}
