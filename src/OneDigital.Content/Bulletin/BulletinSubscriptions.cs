// Why: the reader-facing half of the e-bulletin: double opt-in, confirm and one-click unsubscribe. Sign-up answers
// the same for a new, pending or confirmed address (the caller returns nothing to show), so the form tells no one who
// is on the list; each change is one transaction with its audit row, which names the subscriber's id, never the
// address. Suppression: after unsubscribing no mail goes to the address; a later sign-up starts a new double opt-in
// and only its confirmation puts the address back on the list.
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneDigital.Content.Audit;
using OneDigital.Content.Mail;
using OneDigital.Content.Store;

namespace OneDigital.Content.Bulletin;

public sealed class BulletinSubscriptions(
    ContentDbContext db,
    StoreTransaction transaction,
    BulletinTokens tokens,
    MailSender mail,
    AuditTrail audit,
    IOptions<BulletinOptions> options,
    IOptions<PublicSiteOptions> site,
    TimeProvider clock,
    ILogger<BulletinSubscriptions> log)
{
    /// <summary>The readers' site path the confirmation link opens (with <c>?token=</c>).</summary>
    public const string ConfirmPath = "/bulletin/confirm";

    /// <summary>The readers' site path of the unsubscribe link (GET shows a button; POST unsubscribes, RFC 8058).</summary>
    public const string UnsubscribePath = "/bulletin/unsubscribe";

    public const string ConfirmationSubject = "Confirm your One Digital e-bulletin subscription";

    private DbSet<BulletinSubscriber> Subscribers => db.Set<BulletinSubscriber>();

    /// <summary>
    /// Signs the address up: a pending row with the consent wording as shown and the time, and a confirmation mail.
    /// A pending or unsubscribed address gets a fresh link (within <see cref="BulletinOptions.ConfirmationsPerHour"/>);
    /// a confirmed address gets no mail at all, since a second mail would let anyone fill a subscriber's inbox and
    /// there is nothing for them to do. The caller shows the same "check your email" answer in every case.
    /// </summary>
    /// <param name="source">Where the form was (e.g. <c>site:home</c>), kept with the row.</param>
    /// <exception cref="BulletinException">A bad address, or no consent wording; nothing was written.</exception>
    public async Task SubscribeAsync(string email, string consentWording, string source, CancellationToken ct = default)
    {
        var address = BulletinAddress.Normalize(email);
        var consent = (consentWording ?? "").Trim();
        if (consent.Length == 0) throw new BulletinException("The consent wording shown to the person is required.");
        if (consent.Length > BulletinSubscriber.MaxConsentLength)
        {
            throw new BulletinException($"The consent wording must be at most {BulletinSubscriber.MaxConsentLength} characters.");
        }
        var from = string.IsNullOrWhiteSpace(source) ? "unknown" : source.Trim();
        if (from.Length > BulletinSubscriber.MaxSourceLength) from = from[..BulletinSubscriber.MaxSourceLength];
        var root = SiteRoot();

        try
        {
            await transaction.RunAsync(() => SubscribeInTransactionAsync(address, consent, from, root, ct), ct);
        }
        catch (DbUpdateException) when (!ct.IsCancellationRequested)
        {
            // Two sign-ups of a new address at once: the unique index let one insert; this one now finds its row.
            db.ChangeTracker.Clear();
            await transaction.RunAsync(() => SubscribeInTransactionAsync(address, consent, from, root, ct), ct);
        }
    }

    private async Task SubscribeInTransactionAsync(string address, string consent, string source, string root, CancellationToken ct)
    {
        var now = Now();
        var row = await Subscribers.SingleOrDefaultAsync(s => s.Email == address, ct);
        if (row is { Status: BulletinStatus.Confirmed })
        {
            return;
        }
        if (row is null)
        {
            row = new BulletinSubscriber { Id = IdGenerator.NewId(), Email = address, CreatedUtc = now };
            Subscribers.Add(row);
        }
        else if (!UnderHourlyLimit(row, now))
        {
            log.LogWarning("Bulletin confirmation for subscriber {Id} not sent: {Count} sent this hour", row.Id, row.ConfirmationsInWindow);
            return;
        }
        row.Status = BulletinStatus.Pending;
        row.ConsentWording = consent;
        row.ConsentUtc = now;
        row.ConfirmedUtc = null;
        row.Source = source;
        if (row.ConfirmationWindowUtc is not { } window || now - window >= TimeSpan.FromHours(1))
        {
            row.ConfirmationWindowUtc = now;
            row.ConfirmationsInWindow = 0;
        }
        row.ConfirmationsInWindow++;
        row.ConfirmationSentUtc = now;
        var token = tokens.Confirmation(row.Id, now + options.Value.ConfirmationLifetime);
        row.ConfirmationTokenHash = BulletinTokens.Hash(token);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(new AuditEntry(AuditKind.BulletinSubscribed) { Detail = $"subscriber {row.Id} (source: {source})" }, ct);
        // Sent last, inside the transaction: a mail that cannot be sent leaves no row and no audit.
        await mail.SendAsync(ConfirmationMail(row, root, token), ct);
    }

    private bool UnderHourlyLimit(BulletinSubscriber row, DateTime now) =>
        row.ConfirmationWindowUtc is not { } window || now - window >= TimeSpan.FromHours(1)
        || row.ConfirmationsInWindow < options.Value.ConfirmationsPerHour;

    /// <summary>Confirms the subscription a confirmation link names; only the latest link sent to the address works.</summary>
    public async Task<BulletinConfirmResult> ConfirmAsync(string? token, CancellationToken ct = default)
    {
        var (id, failure) = tokens.ReadConfirmation(token);
        if (id is null) return failure;
        var hash = BulletinTokens.Hash(token!);
        return await transaction.RunAsync(async () =>
        {
            var row = await Subscribers.SingleOrDefaultAsync(s => s.Id == id, ct);
            if (row is null) return BulletinConfirmResult.Invalid;
            if (row.Status == BulletinStatus.Confirmed) return BulletinConfirmResult.AlreadyConfirmed;
            if (row.Status != BulletinStatus.Pending || row.ConfirmationTokenHash != hash) return BulletinConfirmResult.Invalid;
            row.Status = BulletinStatus.Confirmed;
            row.ConfirmedUtc = Now();
            row.ConfirmationTokenHash = null;
            // A fresh confirmation is fresh consent: an old erasure's suppression no longer applies.
            await db.Set<BulletinSuppression>().Where(s => s.EmailHash == BulletinAddress.Hash(row.Email)).ExecuteDeleteAsync(ct);
            await db.SaveChangesAsync(ct);
            await audit.RecordAsync(new AuditEntry(AuditKind.BulletinConfirmed) { Detail = $"subscriber {row.Id}" }, ct);
            return BulletinConfirmResult.Confirmed;
        }, ct);
    }

    /// <summary>
    /// One-click unsubscribe by the link in any bulletin mail. True for any link the site signed, also when the
    /// person had already left or was erased (there is nothing more to stop); false for a link it did not sign.
    /// </summary>
    public async Task<bool> UnsubscribeAsync(string? token, CancellationToken ct = default)
    {
        if (tokens.ReadUnsubscribe(token) is not { } id) return false;
        await transaction.RunAsync(async () =>
        {
            var row = await Subscribers.SingleOrDefaultAsync(s => s.Id == id, ct);
            if (row is null || row.Status == BulletinStatus.Unsubscribed) return;
            row.Status = BulletinStatus.Unsubscribed;
            row.UnsubscribedUtc = Now();
            row.ConfirmationTokenHash = null;
            await db.SaveChangesAsync(ct);
            await audit.RecordAsync(new AuditEntry(AuditKind.BulletinUnsubscribed) { Detail = $"subscriber {row.Id}" }, ct);
        }, ct);
        return true;
    }

    /// <summary>
    /// The headers every mail to the subscriber carries: <c>List-Unsubscribe</c> with the https link and
    /// <c>List-Unsubscribe-Post: List-Unsubscribe=One-Click</c> (RFC 8058), so mail programs offer a one-click leave.
    /// </summary>
    public IReadOnlyDictionary<string, string> ListUnsubscribeHeaders(string subscriberId) =>
        Headers(UnsubscribeLink(SiteRoot(), subscriberId));

    private OutgoingMail ConfirmationMail(BulletinSubscriber row, string root, string token)
    {
        var confirm = $"{root}{ConfirmPath}?token={Uri.EscapeDataString(token)}";
        var unsubscribe = UnsubscribeLink(root, row.Id);
        var days = Math.Max(1, (int)Math.Round(options.Value.ConfirmationLifetime.TotalDays));
        return new OutgoingMail([row.Email], ConfirmationSubject)
        {
            TextBody = $"""
                Someone (hopefully you) asked to receive the One Digital e-bulletin at this address.

                To confirm, open this link within {(days == 1 ? "a day" : $"{days} days")}:

                {confirm}

                If you did not ask for this, ignore this email and you will not hear from us again.
                To stop these emails at any time: {unsubscribe}
                """,
            Headers = Headers(unsubscribe),
        };
    }

    private string UnsubscribeLink(string root, string subscriberId) =>
        $"{root}{UnsubscribePath}?token={Uri.EscapeDataString(tokens.Unsubscribe(subscriberId))}";

    private static Dictionary<string, string> Headers(string unsubscribe) => new()
    {
        ["List-Unsubscribe"] = $"<{unsubscribe}>",
        ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
    };

    private string SiteRoot() =>
        site.Value.PublicUrl is { IsAbsoluteUri: true } url
            ? url.GetLeftPart(UriPartial.Path).TrimEnd('/')
            : throw new InvalidOperationException($"{PublicSiteOptions.Section}:PublicUrl must be set to send e-bulletin mail (its links are absolute).");

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
