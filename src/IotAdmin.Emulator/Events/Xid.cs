using System.Buffers.Binary;

namespace IotAdmin.Emulator.Events;

/// <summary>
/// Event and connector ids in DT's xid shape: 12 bytes (4 of Unix seconds, 8 more) as 20 lowercase base32hex
/// characters, so ids sort roughly by time. The 8 bytes come from the caller's seeded random: deterministic per seed.
/// </summary>
internal static class Xid
{
    private const string Alphabet = "0123456789abcdefghijklmnopqrstuv";

    public static string New(DateTimeOffset time, Random random)
    {
        Span<byte> bytes = stackalloc byte[12];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)Math.Max(0, time.ToUnixTimeSeconds()));
        random.NextBytes(bytes[4..]);
        var chars = new char[20];
        var bit = 0;
        for (var i = 0; i < chars.Length; i++, bit += 5)
        {
            var value = 0;
            for (var b = 0; b < 5; b++)
            {
                var at = bit + b;
                var set = at < 96 && (bytes[at / 8] & (0x80 >> (at % 8))) != 0;
                value = (value << 1) | (set ? 1 : 0);
            }

            chars[i] = Alphabet[value];
        }

        return new string(chars);
    }
}
