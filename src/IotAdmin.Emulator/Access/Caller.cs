namespace IotAdmin.Emulator.Access;

/// <summary>Who sent an API request: a DT service account (by id), or a Cloud IoT Core account (the /v1 API's).</summary>
internal sealed record Caller(string AccountId, bool IsGoogle = false)
{
    /// <summary>The identity a token stands for (also the rate limiter's key).</summary>
    public string Identity => IsGoogle ? GooglePrefix + AccountId : AccountId;

    public const string GooglePrefix = "google:";

    public static Caller FromIdentity(string identity) =>
        identity.StartsWith(GooglePrefix, StringComparison.Ordinal) ? new Caller(identity[GooglePrefix.Length..], IsGoogle: true) : new Caller(identity);
}

/// <summary>What the token endpoint and Basic auth need to know about a key.</summary>
internal sealed record KeyGrant(string AccountId, string Email, string Secret, bool BasicAuthEnabled)
{
    public override string ToString() => $"{AccountId} ({Email})";
}
