using System.Security.Cryptography;

namespace IotAdmin.Emulator.Access;

/// <summary>The service account every emulator starts with: an organization admin, deterministic per seed.</summary>
internal static class SeededAccount
{
    /// <summary>Deterministic per seed, so scripts can keep a credentials file between runs.</summary>
    public static EmulatorCredentials CredentialsFor(int seed)
    {
        var hex = Hex(seed);
        return new EmulatorCredentials("emukey" + hex[..14], "emusecret-" + hex[14..46], $"emulator-{seed}@iotadmin-emulator.local");
    }

    /// <summary>Its service-account id (an xid-like id, stable per seed so tokens survive a reset).</summary>
    public static string AccountId(int seed) => "c" + Hex(seed)[46..]; // 1 + 18 characters of base16 ⊂ base32hex

    private static string Hex(int seed) => Convert.ToHexString(SHA256.HashData(BitConverter.GetBytes(seed))).ToLowerInvariant();
}
