// Why: the e-bulletin holds people's addresses on their word alone; these prove the double opt-in as a reader meets
// it (the mail in the pickup folder, its links followed), that only the site's own fresh links work, that leaving is
// one click and sticks, and that the form never tells anyone whether an address is on the list.
using System.Web;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using OneDigital.Content.Audit;
using OneDigital.Content.Bulletin;
using OneDigital.Content.Mail;
using OneDigital.Content.Store;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Bulletin;

public class BulletinSubscriptionTests
{
    internal const string Consent = "I agree to receive the One Digital e-bulletin by email. I can unsubscribe at any time.";
    private FakeTimeProvider _clock = null!;
    private TestStore _store = null!;

    internal static Task<TestStore> CreateStoreAsync(FakeTimeProvider clock, string? publicUrl = "https://site.example/") =>
        TestStore.CreateAsync(TestDatabase.Sqlite, new Dictionary<string, string?> { ["OneDigital:Site:PublicUrl"] = publicUrl },
            s => s.AddSingleton<TimeProvider>(clock).AddDataProtection().UseEphemeralDataProtectionProvider());

    [SetUp]
    public async Task SetUpAsync()
    {
        // NUnit keeps one fixture instance for all its tests: each starts from the same moment.
        _clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        _store = await CreateStoreAsync(_clock);
    }

    [TearDown]
    public async Task TearDownAsync() => await _store.DisposeAsync();

    [Test]
    public async Task Signing_up_stores_a_pending_row_with_the_consent_as_shown_and_mails_a_link_that_confirms_it_once()
    {
        await SubscribeAsync(" Ann.Reader@Example.ORG ");

        var row = await RowAsync("ann.reader@example.org");
        Assert.That((row.Status, row.ConsentWording, row.ConsentUtc, row.Source, row.ConfirmedUtc),
            Is.EqualTo((BulletinStatus.Pending, Consent, _clock.GetUtcNow().UtcDateTime, "site:home", (DateTime?)null)));
        var mail = await SingleMailAsync();
        Assert.That(mail.To.Mailboxes.Single().Address, Is.EqualTo("ann.reader@example.org"));
        Assert.That(mail.Subject, Is.EqualTo(BulletinSubscriptions.ConfirmationSubject));
        var confirm = LinkIn(mail, BulletinSubscriptions.ConfirmPath);
        Assert.That(confirm.GetLeftPart(UriPartial.Path), Is.EqualTo("https://site.example/bulletin/confirm"));
        var token = TokenOf(confirm);
        Assert.That(row.ConfirmationTokenHash, Is.Not.Null.And.Not.Contains(token), "only a hash of the link is stored");

        _clock.Advance(TimeSpan.FromHours(2));
        Assert.That(await Subscriptions().ConfirmAsync(token), Is.EqualTo(BulletinConfirmResult.Confirmed));
        row = await RowAsync("ann.reader@example.org");
        Assert.That((row.Status, row.ConfirmedUtc, row.ConfirmationTokenHash),
            Is.EqualTo((BulletinStatus.Confirmed, (DateTime?)_clock.GetUtcNow().UtcDateTime, (string?)null)));
        Assert.That(await Subscriptions().ConfirmAsync(token), Is.EqualTo(BulletinConfirmResult.AlreadyConfirmed));
    }

    [Test]
    public async Task The_confirmation_mail_carries_one_click_List_Unsubscribe_headers_whose_link_unsubscribes()
    {
        await SubscribeAsync("ben@example.org");
        var mail = await SingleMailAsync();

        var header = mail.Headers["List-Unsubscribe"];
        Assert.That(header, Does.StartWith("<https://site.example/bulletin/unsubscribe?token=").And.EndWith(">"));
        Assert.That(mail.Headers["List-Unsubscribe-Post"], Is.EqualTo("List-Unsubscribe=One-Click"));
        Assert.That(mail.TextBody, Does.Contain(header.Trim('<', '>')), "the body offers the same link");

        Assert.That(await Subscriptions().UnsubscribeAsync(TokenOf(new Uri(header.Trim('<', '>')))), Is.True);
        var row = await RowAsync("ben@example.org");
        Assert.That((row.Status, row.UnsubscribedUtc), Is.EqualTo((BulletinStatus.Unsubscribed, (DateTime?)_clock.GetUtcNow().UtcDateTime)));
        Assert.That(await Subscriptions().ConfirmAsync(TokenOf(LinkIn(mail, BulletinSubscriptions.ConfirmPath))), Is.EqualTo(BulletinConfirmResult.Invalid),
            "after leaving, the old confirmation link cannot put the address back");
    }

    [Test]
    public async Task A_confirmation_link_is_refused_after_seven_days_when_altered_or_when_a_later_mail_replaced_it()
    {
        await SubscribeAsync("cat@example.org");
        var first = TokenOf(LinkIn(await SingleMailAsync(), BulletinSubscriptions.ConfirmPath));

        Assert.That(await Subscriptions().ConfirmAsync(first[..^2] + (first[^2] == 'A' ? "B" : "A") + first[^1]), Is.EqualTo(BulletinConfirmResult.Invalid));
        Assert.That(await Subscriptions().ConfirmAsync("not-a-token"), Is.EqualTo(BulletinConfirmResult.Invalid));
        Assert.That(await Subscriptions().ConfirmAsync(null), Is.EqualTo(BulletinConfirmResult.Invalid));
        Assert.That(await Subscriptions().UnsubscribeAsync(first), Is.False, "a confirmation token is not an unsubscribe token");

        _clock.Advance(TimeSpan.FromDays(7));
        Assert.That(await Subscriptions().ConfirmAsync(first), Is.EqualTo(BulletinConfirmResult.Expired));

        await SubscribeAsync("cat@example.org");
        var second = TokenOf(LinkIn(NewestMail(), BulletinSubscriptions.ConfirmPath));
        _clock.Advance(TimeSpan.FromMinutes(1));
        await SubscribeAsync("cat@example.org");
        Assert.That(await Subscriptions().ConfirmAsync(second), Is.EqualTo(BulletinConfirmResult.Invalid), "only the latest link works");
        Assert.That(await Subscriptions().ConfirmAsync(TokenOf(LinkIn(NewestMail(), BulletinSubscriptions.ConfirmPath))), Is.EqualTo(BulletinConfirmResult.Confirmed));
        Assert.That((await RowAsync("cat@example.org")).Status, Is.EqualTo(BulletinStatus.Confirmed));
    }

    [Test]
    public async Task Signing_up_again_sends_a_confirmed_address_nothing_and_a_pending_one_at_most_three_links_an_hour()
    {
        await SubscribeAsync("dan@example.org");
        await SubscribeAsync("dan@example.org");
        await SubscribeAsync("dan@example.org");
        await SubscribeAsync("dan@example.org");
        Assert.That(Mails(), Has.Length.EqualTo(3), "the fourth sign-up within the hour gets the same answer and no mail");

        _clock.Advance(TimeSpan.FromHours(1));
        await SubscribeAsync("dan@example.org");
        Assert.That(Mails(), Has.Length.EqualTo(4));

        Assert.That(await Subscriptions().ConfirmAsync(TokenOf(LinkIn(NewestMail(), BulletinSubscriptions.ConfirmPath))), Is.EqualTo(BulletinConfirmResult.Confirmed));
        var confirmedAt = (await RowAsync("dan@example.org")).ConfirmedUtc;
        _clock.Advance(TimeSpan.FromHours(2));
        await SubscribeAsync("DAN@example.org", "another wording");
        Assert.That(Mails(), Has.Length.EqualTo(4), "a confirmed address is not mailed again");
        var row = await RowAsync("dan@example.org");
        Assert.That((row.Status, row.ConfirmedUtc, row.ConsentWording), Is.EqualTo((BulletinStatus.Confirmed, confirmedAt, Consent)));
        Assert.That(await Db().Set<BulletinSubscriber>().CountAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task After_unsubscribing_signing_up_again_starts_a_new_double_opt_in_with_the_new_consent()
    {
        await SubscribeAsync("eve@example.org");
        var first = await SingleMailAsync();
        await Subscriptions().ConfirmAsync(TokenOf(LinkIn(first, BulletinSubscriptions.ConfirmPath)));
        await Subscriptions().UnsubscribeAsync(TokenOf(LinkIn(first, BulletinSubscriptions.UnsubscribePath)));
        Assert.That(await Subscriptions().UnsubscribeAsync(TokenOf(LinkIn(first, BulletinSubscriptions.UnsubscribePath))), Is.True, "a second click is fine");

        _clock.Advance(TimeSpan.FromDays(30));
        await SubscribeAsync("eve@example.org", "New wording, shown in 2027.");
        var row = await RowAsync("eve@example.org");
        Assert.That((row.Status, row.ConsentWording, row.ConsentUtc, row.ConfirmedUtc),
            Is.EqualTo((BulletinStatus.Pending, "New wording, shown in 2027.", _clock.GetUtcNow().UtcDateTime, (DateTime?)null)),
            "no mail but the confirmation until the person confirms again");
        Assert.That(await Subscriptions().ConfirmAsync(TokenOf(LinkIn(NewestMail(), BulletinSubscriptions.ConfirmPath))), Is.EqualTo(BulletinConfirmResult.Confirmed));
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("no-at-sign.example.org")]
    [TestCase("two@@example.org")]
    [TestCase("Ann <ann@example.org>")]
    [TestCase("ann@example.org, bob@example.org")]
    [TestCase("ann@localhost")]
    [TestCase("@example.org")]
    public async Task A_bad_address_is_a_client_error_and_nothing_is_written_or_sent(string email)
    {
        var error = Assert.ThrowsAsync<BulletinException>(() => Subscriptions().SubscribeAsync(email, Consent, "site:home"));
        Assert.That(error!.Detail, Is.EqualTo("Enter an email address in the correct format, like name@example.com"));
        Assert.That(await Db().Set<BulletinSubscriber>().AnyAsync(), Is.False);
        Assert.That(Mails(), Is.Empty);
    }

    [Test]
    public async Task Without_consent_wording_or_a_public_site_address_nothing_is_written_or_sent()
    {
        Assert.ThrowsAsync<BulletinException>(() => Subscriptions().SubscribeAsync("ann@example.org", " ", "site:home"));
        await using var bare = await CreateStoreAsync(_clock, publicUrl: null);
        await using var scope = bare.Scope();
        var error = Assert.ThrowsAsync<InvalidOperationException>(() =>
            scope.ServiceProvider.GetRequiredService<BulletinSubscriptions>().SubscribeAsync("ann@example.org", Consent, "site:home"));
        Assert.That(error!.Message, Does.Contain("OneDigital:Site:PublicUrl"));
        Assert.That(await scope.ServiceProvider.GetRequiredService<ContentDbContext>().Set<BulletinSubscriber>().AnyAsync(), Is.False);
        Assert.That(await Db().Set<BulletinSubscriber>().AnyAsync(), Is.False);
    }

    [Test]
    public async Task Each_step_is_audited_by_the_subscribers_id_never_by_the_address()
    {
        await SubscribeAsync("fay@example.org");
        var mail = await SingleMailAsync();
        await Subscriptions().ConfirmAsync(TokenOf(LinkIn(mail, BulletinSubscriptions.ConfirmPath)));
        await Subscriptions().UnsubscribeAsync(TokenOf(LinkIn(mail, BulletinSubscriptions.UnsubscribePath)));
        var id = (await RowAsync("fay@example.org")).Id;

        var events = await Db().Set<AuditEvent>().AsNoTracking().OrderBy(e => e.OccurredUtc).ThenBy(e => e.Kind).ToListAsync();
        Assert.That(events.Select(e => e.Kind), Is.EquivalentTo(new[] { AuditKind.BulletinSubscribed, AuditKind.BulletinConfirmed, AuditKind.BulletinUnsubscribed }));
        Assert.That(events.Select(e => e.Detail), Has.All.Contain(id));
        Assert.That(events.SelectMany(e => new[] { e.Detail, e.DisplayText, e.UserName }).OfType<string>(), Has.None.Contain("fay"));
    }

    private async Task SubscribeAsync(string email, string consent = Consent)
    {
        await using var scope = _store.Scope();
        await scope.ServiceProvider.GetRequiredService<BulletinSubscriptions>().SubscribeAsync(email, consent, "site:home");
    }

    // A fresh scope per call, as each request would have.
    private BulletinSubscriptions Subscriptions() => _store.Scope().ServiceProvider.GetRequiredService<BulletinSubscriptions>();

    private ContentDbContext Db() => _store.Scope().ServiceProvider.GetRequiredService<ContentDbContext>();

    private async Task<BulletinSubscriber> RowAsync(string email) =>
        await Db().Set<BulletinSubscriber>().AsNoTracking().SingleAsync(s => s.Email == email);

    private string[] Mails() =>
        Directory.Exists(Pickup) ? Directory.GetFiles(Pickup, "*.eml").Order(StringComparer.Ordinal).ToArray() : [];

    private string Pickup => _store.Services.GetRequiredService<MailSender>().PickupDirectory;

    private async Task<MimeMessage> SingleMailAsync() => await MimeMessage.LoadAsync(Mails().Single());

    private MimeMessage NewestMail() => MimeMessage.Load(Mails()[^1]);

    internal static Uri LinkIn(MimeMessage mail, string path) =>
        new(mail.TextBody!.Split('\n').Select(l => l.Trim()).Concat(mail.TextBody.Split(' ').Select(w => w.Trim()))
            .First(l => l.StartsWith("https://", StringComparison.Ordinal) && l.Contains(path + "?", StringComparison.Ordinal)));

    internal static string TokenOf(Uri link) => HttpUtility.ParseQueryString(link.Query)["token"]!;
}
