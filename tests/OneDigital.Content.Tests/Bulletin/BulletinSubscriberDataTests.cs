// Why: a subscriber may ask for everything held about them, or to be forgotten; the export must be complete and safe
// to open in a spreadsheet, and erasure must leave nothing but, for someone who had left, the hash that keeps them
// from being mailed again.
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OneDigital.Content.Audit;
using OneDigital.Content.Bulletin;
using OneDigital.Content.Store;
using OneDigital.Testing;
using static OneDigital.Content.Tests.Bulletin.BulletinSubscriptionTests;

namespace OneDigital.Content.Tests.Bulletin;

public class BulletinSubscriberDataTests
{
    private FakeTimeProvider _clock = null!;
    private TestStore _store = null!;

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
    public async Task Exporting_one_subscriber_gives_every_field_held_and_an_unknown_address_gives_null()
    {
        await Subscriptions().SubscribeAsync("Gus@Example.org", Consent, "site:footer");

        var record = await Subscribers().ExportAsync("GUS@example.org");

        Assert.That(record, Is.Not.Null);
        Assert.That(record!.Id, Is.Not.Empty);
        Assert.That(record with { Id = "" }, Is.EqualTo(new BulletinSubscriberRecord("", "gus@example.org", BulletinStatus.Pending, Consent,
            Now, null, null, true, Now, "site:footer", Now)));
        Assert.That(await Subscribers().ExportAsync("nobody@example.org"), Is.Null);
        Assert.ThrowsAsync<BulletinException>(() => Subscribers().ExportAsync("not an address"));
    }

    [Test]
    public async Task The_CSV_export_lists_every_subscriber_with_quoting_and_no_cell_a_spreadsheet_would_run()
    {
        await Subscriptions().SubscribeAsync("-first@example.org", "Yes, \"please\", send it", "site:home");
        _clock.Advance(TimeSpan.FromMinutes(1));
        await Subscriptions().SubscribeAsync("second@example.org", "=HYPERLINK(\"x\")", "site:home");

        using var output = new MemoryStream();
        await Subscribers().ExportCsvAsync(output);
        var lines = Encoding.UTF8.GetString(output.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.That(lines, Has.Length.EqualTo(3));
        Assert.That(lines[0], Is.EqualTo("Id,Email,Status,ConsentWording,ConsentUtc,ConfirmedUtc,UnsubscribedUtc,ConfirmationPending,ConfirmationSentUtc,Source,CreatedUtc"));
        Assert.That(lines[1], Does.Contain(",'-first@example.org,Pending,\"Yes, \"\"please\"\", send it\",2026-12-01T12:00:00Z,,,true,2026-12-01T12:00:00Z,site:home,2026-12-01T12:00:00Z"));
        Assert.That(lines[2], Does.Contain(",second@example.org,Pending,\"'=HYPERLINK(\"\"x\"\")\",2026-12-01T12:01:00Z,"));
    }

    [Test]
    public async Task Erasing_a_subscriber_who_never_left_removes_every_trace_of_the_address()
    {
        await SubscribeAndConfirmAsync("hal@example.org");

        Assert.That(await Subscribers().EraseAsync("Hal@Example.org"), Is.True);

        Assert.That(await Db().Set<BulletinSubscriber>().AnyAsync(), Is.False);
        Assert.That(await Db().Set<BulletinSuppression>().AnyAsync(), Is.False);
        Assert.That(await Subscribers().IsSuppressedAsync("hal@example.org"), Is.False);
        var erased = await Db().Set<AuditEvent>().AsNoTracking().SingleAsync(e => e.Kind == AuditKind.BulletinErased);
        Assert.That(erased.Detail, Does.StartWith("subscriber ").And.Not.Contain("hal"));
        Assert.That(await Subscribers().EraseAsync("hal@example.org"), Is.False, "erasing again finds nothing");
    }

    [Test]
    public async Task Erasing_someone_who_unsubscribed_keeps_only_a_hash_until_they_sign_up_and_confirm_again()
    {
        var mail = await SubscribeAndConfirmAsync("ivy@example.org");
        await Subscriptions().UnsubscribeAsync(TokenOf(LinkIn(mail, BulletinSubscriptions.UnsubscribePath)));

        Assert.That(await Subscribers().EraseAsync("ivy@example.org"), Is.True);

        var suppression = await Db().Set<BulletinSuppression>().AsNoTracking().SingleAsync();
        Assert.That(suppression.EmailHash, Is.EqualTo(BulletinAddress.Hash("ivy@example.org")).And.Not.Contain("ivy"));
        Assert.That(await Db().Set<BulletinSubscriber>().AnyAsync(), Is.False);
        Assert.That(await Subscribers().IsSuppressedAsync("IVY@example.org"), Is.True);
        Assert.That(await Subscriptions().UnsubscribeAsync(TokenOf(LinkIn(mail, BulletinSubscriptions.UnsubscribePath))), Is.True,
            "an old unsubscribe link still answers yes: there is nothing left to mail");

        _clock.Advance(TimeSpan.FromDays(1));
        await SubscribeAndConfirmAsync("ivy@example.org");
        Assert.That(await Subscribers().IsSuppressedAsync("ivy@example.org"), Is.False, "a new confirmation is new consent");
    }

    [Test]
    public async Task The_list_filters_by_status_and_address_text_and_pages_newest_first()
    {
        foreach (var name in new[] { "a1", "a2", "b1", "b2", "b3" })
        {
            await Subscriptions().SubscribeAsync($"{name}@example.org", Consent, "site:home");
            _clock.Advance(TimeSpan.FromMinutes(1));
        }
        await ConfirmNewestAsync();

        var page = await Subscribers().ListAsync(new BulletinSubscriberQuery { Text = "B", PageSize = 2 });
        Assert.That((page.Total, page.Subscribers.Select(s => s.Email)), Is.EqualTo((3, new[] { "b3@example.org", "b2@example.org" })));
        page = await Subscribers().ListAsync(new BulletinSubscriberQuery { Text = "b", PageSize = 2, Page = 2 });
        Assert.That(page.Subscribers.Select(s => s.Email), Is.EqualTo(new[] { "b1@example.org" }));
        page = await Subscribers().ListAsync(new BulletinSubscriberQuery { Status = BulletinStatus.Confirmed });
        Assert.That(page.Subscribers.Select(s => s.Email), Is.EqualTo(new[] { "b3@example.org" }));
        Assert.That(await Subscribers().FindAsync(page.Subscribers[0].Id), Is.EqualTo(page.Subscribers[0]));
    }

    private async Task ConfirmNewestAsync()
    {
        var newest = Directory.GetFiles(Pickup(), "*.eml").Order(StringComparer.Ordinal).Last();
        await Subscriptions().ConfirmAsync(TokenOf(LinkIn(await MimeKit.MimeMessage.LoadAsync(newest), BulletinSubscriptions.ConfirmPath)));
    }

    private async Task<MimeKit.MimeMessage> SubscribeAndConfirmAsync(string email)
    {
        await Subscriptions().SubscribeAsync(email, Consent, "site:home");
        var newest = Directory.GetFiles(Pickup(), "*.eml").Order(StringComparer.Ordinal).Last();
        var mail = await MimeKit.MimeMessage.LoadAsync(newest);
        Assert.That(await Subscriptions().ConfirmAsync(TokenOf(LinkIn(mail, BulletinSubscriptions.ConfirmPath))), Is.EqualTo(BulletinConfirmResult.Confirmed));
        return mail;
    }

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    private string Pickup() => _store.Services.GetRequiredService<OneDigital.Content.Mail.MailSender>().PickupDirectory;

    private BulletinSubscriptions Subscriptions() => _store.Scope().ServiceProvider.GetRequiredService<BulletinSubscriptions>();

    private BulletinSubscribers Subscribers() => _store.Scope().ServiceProvider.GetRequiredService<BulletinSubscribers>();

    private ContentDbContext Db() => _store.Scope().ServiceProvider.GetRequiredService<ContentDbContext>();
}
