// Why: the links in a bulletin mail are the only credential a reader has, so they are signed with the site's data
// protection keys (shared by every node, kept in the store): a forged or altered link fails to unprotect. The
// confirmation link carries its own expiry, checked against the site's clock; the unsubscribe link names only the
// subscriber, so it keeps working for as long as the person may want to leave.
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace OneDigital.Content.Bulletin;

public sealed class BulletinTokens(IDataProtectionProvider protection, TimeProvider clock)
{
    private readonly IDataProtector _confirm = protection.CreateProtector("OneDigital.Bulletin.Confirm.v1");
    private readonly IDataProtector _unsubscribe = protection.CreateProtector("OneDigital.Bulletin.Unsubscribe.v1");

    /// <summary>A confirmation token for the subscriber, valid until <paramref name="expiresUtc"/>; a random part makes each one new.</summary>
    public string Confirmation(string subscriberId, DateTime expiresUtc)
    {
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var expires = new DateTimeOffset(expiresUtc, TimeSpan.Zero).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return _confirm.Protect($"{subscriberId}|{expires}|{nonce}");
    }

    /// <summary>The subscriber a confirmation token names, or why it cannot be used.</summary>
    public (string? SubscriberId, BulletinConfirmResult Failure) ReadConfirmation(string? token)
    {
        if (Unprotect(_confirm, token)?.Split('|') is not [var id, var expires, _]
            || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return (null, BulletinConfirmResult.Invalid);
        }
        return clock.GetUtcNow().ToUnixTimeSeconds() >= seconds ? (null, BulletinConfirmResult.Expired) : (id, default);
    }

    /// <summary>The long-lived one-click unsubscribe token of a subscriber.</summary>
    public string Unsubscribe(string subscriberId) => _unsubscribe.Protect(subscriberId);

    /// <summary>The subscriber an unsubscribe token names, or null when it is not one the site signed.</summary>
    public string? ReadUnsubscribe(string? token) => Unprotect(_unsubscribe, token);

    private static string? Unprotect(IDataProtector protector, string? token)
    {
        // Real tokens are a few hundred characters; anything far longer is refused before any work.
        if (string.IsNullOrEmpty(token) || token.Length > 2048) return null;
        try
        {
            return protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>SHA-256 of a token, as lowercase hex: what the subscriber row keeps.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
}

/// <summary>What following a confirmation link did.</summary>
public enum BulletinConfirmResult
{
    /// <summary>The subscription is confirmed now.</summary>
    Confirmed,
    /// <summary>It was confirmed before; nothing changed.</summary>
    AlreadyConfirmed,
    /// <summary>The link is older than its lifetime: sign up again for a new one.</summary>
    Expired,
    /// <summary>Not a link the site sent, one replaced by a later mail, or for an address that left or was erased.</summary>
    Invalid,
}
