using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IotAdmin.Emulator.Auth;

/// <summary>
/// The Google service account the emulator's Cloud IoT Core API (/v1) accepts: an RSA key made at first use, handed
/// out as a Google key file, and the RS256 check of the JWT-bearer assertions signed with it.
/// </summary>
internal sealed class GoogleAccount
{
    public const string TokenPath = "/google/oauth2/token";

    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(30);

    private readonly RSA _key = RSA.Create(2048);

    public GoogleAccount(string cloudProject, Uri tokenUri)
    {
        CloudProject = cloudProject;
        TokenUri = tokenUri;
        Email = "iotadmin@" + cloudProject + ".iam.gserviceaccount.com";
        KeyId = Convert.ToHexString(RandomNumberGenerator.GetBytes(20)).ToLowerInvariant();
    }

    public string CloudProject { get; }

    public Uri TokenUri { get; }

    public string Email { get; }

    public string KeyId { get; }

    /// <summary>A Google service-account key file (type service_account), as the Cloud console hands out.</summary>
    public string KeyFileJson() => new JsonObject
    {
        ["type"] = "service_account",
        ["project_id"] = CloudProject,
        ["private_key_id"] = KeyId,
        ["private_key"] = _key.ExportPkcs8PrivateKeyPem() + "\n",
        ["client_email"] = Email,
        ["client_id"] = "100000000000000000001",
        ["auth_uri"] = "https://accounts.google.com/o/oauth2/auth",
        ["token_uri"] = TokenUri.AbsoluteUri,
    }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    /// <summary>Null when the assertion is good; else the reason, for error_description.</summary>
    public string? Verify(string jwt, string ownTokenUrl, DateTimeOffset now)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3) return "the assertion is not a JWT";
        JsonElement header, payload;
        byte[] signature;
        try
        {
            header = JsonDocument.Parse(TokenIssuer.Base64Url(parts[0])).RootElement;
            payload = JsonDocument.Parse(TokenIssuer.Base64Url(parts[1])).RootElement;
            signature = TokenIssuer.Base64Url(parts[2]);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return "the assertion is not base64url JSON";
        }

        if (TokenIssuer.Str(header, "alg") != "RS256") return "alg must be RS256";
        if (!_key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)) return "Invalid JWT Signature.";
        if (TokenIssuer.Str(payload, "iss") != Email) return "iss must be the service account's client_email";
        if (TokenIssuer.Str(payload, "aud") != ownTokenUrl) return "aud must be the token endpoint " + ownTokenUrl;
        var scope = TokenIssuer.Str(payload, "scope") ?? string.Empty;
        if (!scope.Contains("cloudiot", StringComparison.Ordinal) && !scope.Contains("cloud-platform", StringComparison.Ordinal)) return "scope must include https://www.googleapis.com/auth/cloudiot or cloud-platform";
        if (!TokenIssuer.Long(payload, "iat", out var iat) || !TokenIssuer.Long(payload, "exp", out var exp)) return "iat and exp must be integer Unix times";
        var seconds = now.ToUnixTimeSeconds();
        if (exp - iat > 3600 || iat > seconds + Skew.TotalSeconds || exp < seconds - Skew.TotalSeconds)
            return "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.";
        return null;
    }

    public override string ToString() => Email + " (" + KeyId.ToString(CultureInfo.InvariantCulture) + ")";
}
