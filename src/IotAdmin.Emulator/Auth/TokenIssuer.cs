using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IotAdmin.Emulator.Auth;

/// <summary>
/// POST /oauth2/token, the JWT-bearer grant of dt-api.md §1: HS256 signed with the key's secret (UTF-8), header kid,
/// iss = the account's e-mail, aud = this token endpoint (or DT's), exp - iat ≤ 1 h, 30 s clock skew.
/// </summary>
internal sealed class TokenIssuer
{
    public const string GrantType = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    public const string DtAudience = "https://identity.disruptive-technologies.com/oauth2/token";

    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(30);

    private readonly EmulatorCredentials _account;
    private readonly Lazy<GoogleAccount> _google;
    private readonly EmulatorOptions _options;
    private readonly ConcurrentDictionary<string, (string KeyId, DateTimeOffset Expires)> _tokens = new(StringComparer.Ordinal);

    public TokenIssuer(EmulatorCredentials account, Lazy<GoogleAccount> google, EmulatorOptions options)
    {
        _account = account;
        _google = google;
        _options = options;
    }

    /// <summary>Google's grant (the /v1 API's accounts): RS256 signed with the service-account key, with a scope.</summary>
    public (int Status, JsonObject Body) IssueGoogle(IFormCollection form, string ownTokenUrl)
    {
        if (form["grant_type"].ToString() != GrantType) return Fail("unsupported_grant_type", "grant_type must be " + GrantType);
        var assertion = form["assertion"].ToString();
        if (string.IsNullOrEmpty(assertion)) return Fail("invalid_request", "the assertion form field is missing");
        var problem = _google.Value.Verify(assertion, ownTokenUrl, _options.TimeProvider.GetUtcNow());
        return problem != null ? Fail("invalid_grant", problem) : NewToken(_google.Value.Email);
    }

    /// <summary>The answer to a token request: 200 with a token, or 400 with an OAuth2 error body.</summary>
    public (int Status, JsonObject Body) Issue(IFormCollection form, string ownTokenUrl)
    {
        if (form["grant_type"].ToString() != GrantType) return Fail("unsupported_grant_type", "grant_type must be " + GrantType);
        var assertion = form["assertion"].ToString();
        if (string.IsNullOrEmpty(assertion)) return Fail("invalid_request", "the assertion form field is missing");
        var problem = Verify(assertion, ownTokenUrl);
        if (problem != null) return Fail("invalid_grant", problem);
        return NewToken(_account.KeyId);
    }

    private (int, JsonObject) NewToken(string account)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        _tokens[token] = (account, _options.TimeProvider.GetUtcNow().AddSeconds(_options.TokenTtlSeconds));
        return (200, new JsonObject { ["access_token"] = token, ["token_type"] = "Bearer", ["expires_in"] = _options.TokenTtlSeconds });
    }

    /// <summary>The key id behind a valid "Bearer …" header, or why it is not valid.</summary>
    public (string? KeyId, string? Problem) Authenticate(string? authorization)
    {
        if (string.IsNullOrEmpty(authorization) || !authorization.StartsWith("Bearer ", StringComparison.Ordinal)) return (null, "missing bearer token");
        if (!_tokens.TryGetValue(authorization["Bearer ".Length..].Trim(), out var entry)) return (null, "unknown access token");
        if (_options.TimeProvider.GetUtcNow() >= entry.Expires) return (null, "access token expired");
        return (entry.KeyId, null);
    }

    private string? Verify(string jwt, string ownTokenUrl)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3) return "the assertion is not a JWT (header.payload.signature)";
        JsonElement header, payload;
        try
        {
            header = JsonDocument.Parse(Base64Url(parts[0])).RootElement;
            payload = JsonDocument.Parse(Base64Url(parts[1])).RootElement;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return "the assertion's header or payload is not base64url JSON";
        }

        if (Str(header, "alg") != "HS256") return "alg must be HS256";
        if (Str(header, "kid") != _account.KeyId) return "unknown key id (kid)";
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(_account.Secret));
        var expected = hmac.ComputeHash(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        byte[] actual;
        try
        {
            actual = Base64Url(parts[2]);
        }
        catch (FormatException)
        {
            return "the signature is not base64url";
        }

        if (!CryptographicOperations.FixedTimeEquals(expected, actual)) return "bad signature";
        if (Str(payload, "iss") != _account.Email) return "iss must be the service account's e-mail";
        var aud = Str(payload, "aud");
        if (aud != ownTokenUrl && aud != DtAudience) return "aud must be the token endpoint " + ownTokenUrl;
        if (!Long(payload, "iat", out var iat) || !Long(payload, "exp", out var exp)) return "iat and exp must be integer Unix times";
        if (exp - iat > 3600) return "exp may be at most one hour after iat";
        var now = _options.TimeProvider.GetUtcNow().ToUnixTimeSeconds();
        if (iat > now + Skew.TotalSeconds) return "iat is in the future";
        if (exp < now - Skew.TotalSeconds) return "the assertion has expired";
        return null;
    }

    private static (int, JsonObject) Fail(string error, string description) =>
        (400, new JsonObject { ["error"] = error, ["error_description"] = description });

    internal static byte[] Base64Url(string s)
    {
        var b64 = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(b64.PadRight(b64.Length + ((4 - (b64.Length % 4)) % 4), '='));
    }

    internal static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    internal static bool Long(JsonElement e, string name, out long value)
    {
        value = 0;
        return e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out value);
    }
}
