// Why: a partner site may show one item's draft to a reviewer without holding any permission; the token grants that
// one read, for a short time, and can be taken back.
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneDigital.Content.Errors;
using OneDigital.Content.Querying;
using OneDigital.Content.Store;

namespace OneDigital.Content.Preview;

/// <summary>A token as issued: the secret (shown once, never stored) and what it grants.</summary>
public sealed record IssuedPreviewToken(string Token, PreviewTokenInfo Info);

/// <summary>A live or past token as listed; the secret is not kept, so it is not here.</summary>
public sealed record PreviewTokenInfo(string Id, string ContentItemId, string? IssuedBy, DateTime IssuedUtc, DateTime ExpiresUtc, DateTime? RevokedUtc);

/// <summary>
/// Issues, validates, lists and revokes preview tokens: 256 random bits, base64url (43 characters), stored as a
/// SHA-256 hash. A token is valid until it expires or is revoked, and only for the item it was issued for.
/// </summary>
public sealed class PreviewTokens(ContentDbContext db, ContentQuery query, IOptions<PreviewOptions> options, TimeProvider clock)
{
    private DbSet<PreviewTokenRecord> Tokens => db.Set<PreviewTokenRecord>();

    /// <summary>Issues a token for the item's latest version; <paramref name="lifetime"/> defaults to the configured one.</summary>
    public async Task<IssuedPreviewToken> IssueAsync(string contentItemId, string? issuedBy, TimeSpan? lifetime = null, CancellationToken ct = default)
    {
        var life = lifetime ?? options.Value.DefaultLifetime;
        if (life <= TimeSpan.Zero || life > options.Value.MaxLifetime)
        {
            throw new PreviewTokenException($"A preview token's lifetime must be more than zero and at most {options.Value.MaxLifetime}.");
        }
        if (await query.GetLatestAsync(contentItemId, ct) is null)
        {
            throw new PreviewTokenException($"The content item '{contentItemId}' does not exist.", IClientError.NotFound);
        }
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = Now();
        var record = new PreviewTokenRecord
        {
            Id = IdGenerator.NewId(),
            ContentItemId = contentItemId,
            TokenHash = Hash(token),
            IssuedBy = issuedBy,
            IssuedUtc = now,
            ExpiresUtc = now + life,
        };
        Tokens.Add(record);
        await db.SaveChangesAsync(ct);
        db.Entry(record).State = EntityState.Detached;
        return new IssuedPreviewToken(token, Info(record));
    }

    /// <summary>The item a token grants a preview of, or null when it is unknown, expired or revoked.</summary>
    public async Task<string?> ValidateAsync(string? token, CancellationToken ct = default)
    {
        // A real token is 43 characters; anything far off is refused without a query.
        if (string.IsNullOrEmpty(token) || token.Length > 128)
        {
            return null;
        }
        var hash = Hash(token);
        var now = Now();
        return await Tokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.RevokedUtc == null && t.ExpiresUtc > now)
            .Select(t => t.ContentItemId)
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>The item's tokens that are neither expired nor revoked, newest first.</summary>
    public async Task<IReadOnlyList<PreviewTokenInfo>> ListLiveAsync(string contentItemId, CancellationToken ct = default)
    {
        var now = Now();
        var records = await Tokens.AsNoTracking()
            .Where(t => t.ContentItemId == contentItemId && t.RevokedUtc == null && t.ExpiresUtc > now)
            .ToListAsync(ct);
        return records.OrderByDescending(t => t.IssuedUtc).Select(Info).ToList();
    }

    /// <summary>Revokes a token by its id; false when there is no such live token.</summary>
    public async Task<bool> RevokeAsync(string tokenId, CancellationToken ct = default)
    {
        var now = Now();
        var revoked = await Tokens.Where(t => t.Id == tokenId && t.RevokedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedUtc, now), ct);
        return revoked == 1;
    }

    private static PreviewTokenInfo Info(PreviewTokenRecord r) => new(r.Id, r.ContentItemId, r.IssuedBy, r.IssuedUtc, r.ExpiresUtc, r.RevokedUtc);

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}

/// <summary>A preview token request the caller must fix (a lifetime out of bounds, an unknown item).</summary>
public sealed class PreviewTokenException(string message, int status = IClientError.Invalid) : Exception(message), IClientError
{
    int IClientError.Status => status;

    string IClientError.Title => "The preview token cannot be issued.";

    string IClientError.Detail => Message;
}
