using System.Security.Cryptography;

namespace OneDigital.Content.Store;

/// <summary>Orchard-style identifiers: 26 lower-case base32 characters from 128 random bits.</summary>
public static class IdGenerator
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    public static string NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        Span<char> chars = stackalloc char[26];
        var hi = BitConverter.ToUInt64(bytes[..8]);
        var lo = BitConverter.ToUInt64(bytes[8..]);
        for (var i = 0; i < 26; i++)
        {
            chars[i] = Alphabet[(int)(lo & 31)];
            lo = (lo >> 5) | (hi << 59);
            hi >>= 5;
        }
        return new string(chars);
    }
}
