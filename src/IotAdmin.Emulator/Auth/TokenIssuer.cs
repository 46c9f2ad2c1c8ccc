using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IotAdmin.Emulator.Access;

namespace IotAdmin.Emulator.Auth;

/// <summary>
/// POST /oauth2/token, the JWT-bearer grant of dt-api.md §1: HS256 signed with the key's secret (UTF-8), header kid,
/// iss = the account's e-mail, aud = this token endpoint (or DT's), exp - iat ≤ 1 h, 30 s clock skew. Any key of any
/// service account in the store works; a token stands for its service account (<see cref="Caller.Identity"/>).
/// </summary>
internal sealed class TokenIssuer
{
    public const string GrantType = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    public const string DtAudience = "https://identity.disruptive-technologies.com/oauth2/token";

    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(30);

    private readonly Func<string, KeyGrant?> _keys;
    private readonly Lazy<GoogleAccount> _google;
    private readonly EmulatorOptions _options;
    private readonly ConcurrentDictionary<string, (string Identity, DateTimeOffset Expires)> _tokens = new(StringComparer.Ordinal);

    /// <param name="keys">Finds a key by its id (the store's service accounts).</param>
    public TokenIssuer(Func<string, KeyGrant?> keys, Lazy<GoogleAccount> google, EmulatorOptions options)
    {
        _keys = keys;
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
        return problem != null ? Fail("invalid_grant", problem) : NewToken(new Caller(_google.Value.Email, IsGoogle: true).Identity);
    }

    /// <summary>The answer to a token request: 200 with a token, or 400 with an OAuth2 error body.</summary>
    public (int Status, JsonObject Body) Issue(IFormCollection form, string ownTokenUrl)
    {
        if (form["grant_type"].ToString() != GrantType) return Fail("unsupported_grant_type", "grant_type must be " + GrantType);
        var assertion = form["assertion"].ToString();
        if (string.IsNullOrEmpty(assertion)) return Fail("invalid_request", "the assertion form field is missing");
        var (grant, problem) = Verify(assertion, ownTokenUrl);
        return grant == null ? Fail("invalid_grant", problem!) : NewToken(grant.AccountId);
    }

    private (int, JsonObject) NewToken(string identity)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        _tokens[token] = (identity, _options.TimeProvider.GetUtcNow().AddSeconds(_options.TokenTtlSeconds));
        return (200, new JsonObject { ["access_token"] = token, ["token_type"] = "Bearer", ["expires_in"] = _options.TokenTtlSeconds });
    }

    /// <summary>
    /// The identity behind a valid "Bearer …" header (the scheme is case-insensitive, RFC 7235), or behind "Basic
    /// base64(keyId:secret)" of a service account with enableBasicAuth on; else why not.
    /// </summary>
    public (string? Identity, string? Problem) Authenticate(string? authorization)
    {
        var space = authorization?.IndexOf(' ') ?? -1;
        var scheme = space > 0 ? authorization![..space] : string.Empty;
        var credentials = space > 0 ? authorization![(space + 1)..].Trim() : string.Empty;
        if (scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase)) return Basic(credentials);
        if (!scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase)) return (null, "missing bearer token");
        if (!_tokens.TryGetValue(credentials, out var entry)) return (null, "unknown access token");
        if (_options.TimeProvider.GetUtcNow() >= entry.Expires) return (null, "access token expired");
        return (entry.Identity, null);
    }

    private (string? Identity, string? Problem) Basic(string credentials)
    {
        string pair;
        try
        {
            pair = Encoding.UTF8.GetString(Convert.FromBase64String(credentials));
        }
        catch (FormatException)
        {
            return (null, "basic credentials are not base64");
        }

        var colon = pair.IndexOf(':');
        var grant = colon > 0 ? _keys(pair[..colon]) : null;
        if (grant == null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(grant.Secret), Encoding.UTF8.GetBytes(pair[(colon + 1)..])))
            return (null, "unknown key id or wrong secret");
        return grant.BasicAuthEnabled ? (grant.AccountId, null) : (null, "basic auth is not enabled for this service account (enableBasicAuth)");
    }

    private (KeyGrant? Grant, string? Problem) Verify(string jwt, string ownTokenUrl)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3) return (null, "the assertion is not a JWT (header.payload.signature)");
        JsonElement header, payload;
        try
        {
            header = JsonDocument.Parse(Base64Url(parts[0])).RootElement;
            payload = JsonDocument.Parse(Base64Url(parts[1])).RootElement;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return (null, "the assertion's header or payload is not base64url JSON");
        }

        if (Str(header, "alg") != "HS256") return (null, "alg must be HS256");
        var grant = Str(header, "kid") is { } kid ? _keys(kid) : null;
        if (grant == null) return (null, "unknown key id (kid)");
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(grant.Secret));
        var expected = hmac.ComputeHash(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        byte[] actual;
        try
        {
            actual = Base64Url(parts[2]);
        }
        catch (FormatException)
        {
            return (null, "the signature is not base64url");
        }

        if (!CryptographicOperations.FixedTimeEquals(expected, actual)) return (null, "bad signature");
        if (Str(payload, "iss") != grant.Email) return (null, "iss must be the service account's e-mail");
        var aud = Str(payload, "aud");
        if (aud != ownTokenUrl && aud != DtAudience) return (null, "aud must be the token endpoint " + ownTokenUrl);
        if (!Long(payload, "iat", out var iat) || !Long(payload, "exp", out var exp)) return (null, "iat and exp must be integer Unix times");
        if (exp - iat > 3600) return (null, "exp may be at most one hour after iat");
        var now = _options.TimeProvider.GetUtcNow().ToUnixTimeSeconds();
        if (iat > now + Skew.TotalSeconds) return (null, "iat is in the future");
        if (exp < now - Skew.TotalSeconds) return (null, "the assertion has expired");
        return (grant, null);
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
