using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace IotAdmin.Emulator.Connectors;

/// <summary>
/// X-Dt-Signature (dt-api-admin.md §5): a JWT, HS256 keyed with the connector's signature secret, whose claims carry
/// the SHA-1 and SHA-256 hex checksums of the exact body bytes sent, iat, exp = iat + 3600 and a jti.
/// </summary>
internal static class PushSigner
{
    private static readonly string Header = Base64Url(Encoding.UTF8.GetBytes("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"));

    public static string Sign(byte[] body, string secret, DateTimeOffset now, string jti)
    {
        var iat = now.ToUnixTimeSeconds();
        var claims = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["checksum"] = Convert.ToHexString(SHA1.HashData(body)).ToLowerInvariant(),
            ["checksum_sha256"] = Convert.ToHexString(SHA256.HashData(body)).ToLowerInvariant(),
            ["iat"] = iat,
            ["exp"] = iat + 3600,
            ["jti"] = jti,
        });
        var signed = Header + "." + Base64Url(claims);
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(signed));
        return signed + "." + Base64Url(signature);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
