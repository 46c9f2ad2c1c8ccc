namespace IotAdmin.Emulator.Store;

/// <summary>DT-style ids: 20 lowercase base32hex characters (xid), emulated devices "emu" + 20.</summary>
internal static class Ids
{
    private const string Alphabet = "0123456789abcdefghijklmnopqrstuv";

    public static string New(Random random, string prefix = "c")
    {
        var chars = new char[20];
        chars[0] = prefix == "c" ? 'c' : Alphabet[random.Next(32)];
        for (var i = 1; i < chars.Length; i++) chars[i] = Alphabet[random.Next(32)];
        return prefix == "c" ? new string(chars) : prefix + new string(chars);
    }

    /// <summary>True for a well-formed id (what the real service would accept as one).</summary>
    public static bool IsWellFormed(string id) =>
        id.Length is >= 3 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
