// Why: the two-factor tests act as the editor's phone: RFC 6238 codes (HMAC-SHA1, 30-second steps, 6 digits) from the
// Base32 key the page shows, computed here independently of Identity so a wrong setup in the site cannot pass.
using System.Buffers.Binary;
using System.Security.Cryptography;

namespace OneDigital.Admin.Tests.Support;

public static class Totp
{
    /// <summary>The code an authenticator app shows at <paramref name="at"/> (now by default) for the Base32 key (spaces ignored).</summary>
    public static string Code(string base32Key, DateTimeOffset? at = null)
    {
        var step = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / 30;
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238's default, which authenticator apps use.
        var hash = HMACSHA1.HashData(Base32(base32Key), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7fffffff) % 1_000_000;
        return value.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant().Where(c => c is not (' ' or '=')))
        {
            var index = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (index < 0) throw new FormatException($"'{c}' is not Base32");
            buffer = (buffer << 5) | index;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }
        return [.. bytes];
    }
}
