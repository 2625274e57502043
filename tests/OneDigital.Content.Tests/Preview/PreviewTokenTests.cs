// Why: a preview token is a bearer secret for one draft; it must stop working when it expires or is revoked, and
// the store must not be able to give it away.
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OneDigital.Content.Preview;
using OneDigital.Content.Store;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Preview;

public class PreviewTokenTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private TestStore _store = null!;
    private AsyncServiceScope _scope;
    private string _itemId = "";

    private PreviewTokens Tokens => _scope.ServiceProvider.GetRequiredService<PreviewTokens>();

    [SetUp]
    public async Task SetUpAsync()
    {
        _store = await TestStore.CreateAsync(TestDatabase.Sqlite, configureServices: s => s.AddSingleton<TimeProvider>(_clock));
        _scope = _store.Scope();
        await _scope.ServiceProvider.GetRequiredService<OneDigital.Content.Definitions.ContentDefinitionStore>().AlterTypeAsync("Note", t =>
            t.Parts.Add(new OneDigital.Content.Definitions.ContentTypePartDefinition { PartName = "TitlePart", Name = "TitlePart" }));
        var manager = _scope.ServiceProvider.GetRequiredService<OneDigital.Content.Items.ContentManager>();
        var note = await manager.NewAsync("Note");
        await manager.CreateAsync(note, publish: false);
        _itemId = note.ContentItemId;
    }

    [TearDown]
    public async Task TearDownAsync()
    {
        await _scope.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Test]
    public async Task An_issued_token_is_a_long_url_safe_secret_that_grants_its_item_and_is_stored_only_as_a_hash()
    {
        var issued = await Tokens.IssueAsync(_itemId, "editor-1");

        Assert.That(issued.Token, Has.Length.GreaterThanOrEqualTo(22).And.Match("^[A-Za-z0-9_-]+$"));
        Assert.That(await Tokens.ValidateAsync(issued.Token), Is.EqualTo(_itemId));
        Assert.That((issued.Info.IssuedBy, issued.Info.ExpiresUtc), Is.EqualTo(("editor-1", _clock.GetUtcNow().UtcDateTime.AddHours(1))));
        var stored = await _scope.ServiceProvider.GetRequiredService<ContentDbContext>().Set<PreviewTokenRecord>().SingleAsync();
        Assert.That(stored.TokenHash, Is.Not.EqualTo(issued.Token).And.Not.Contains(issued.Token));
        Assert.That(await Tokens.IssueAsync(_itemId, null), Has.Property(nameof(IssuedPreviewToken.Token)).Not.EqualTo(issued.Token));
    }

    [Test]
    public async Task A_token_is_refused_once_its_lifetime_has_passed()
    {
        var issued = await Tokens.IssueAsync(_itemId, null, TimeSpan.FromMinutes(10));

        _clock.Advance(TimeSpan.FromMinutes(9));
        Assert.That(await Tokens.ValidateAsync(issued.Token), Is.EqualTo(_itemId));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.That(await Tokens.ValidateAsync(issued.Token), Is.Null);
        Assert.That(await Tokens.ListLiveAsync(_itemId), Is.Empty);
    }

    [Test]
    public async Task A_revoked_token_is_refused_and_no_longer_listed_while_others_stay_live()
    {
        var first = await Tokens.IssueAsync(_itemId, null);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var second = await Tokens.IssueAsync(_itemId, null);

        Assert.That((await Tokens.ListLiveAsync(_itemId)).Select(t => t.Id), Is.EqualTo(new[] { second.Info.Id, first.Info.Id }));
        Assert.That(await Tokens.RevokeAsync(first.Info.Id), Is.True);
        Assert.That(await Tokens.RevokeAsync(first.Info.Id), Is.False, "already revoked");

        Assert.That(await Tokens.ValidateAsync(first.Token), Is.Null);
        Assert.That(await Tokens.ValidateAsync(second.Token), Is.EqualTo(_itemId));
        Assert.That((await Tokens.ListLiveAsync(_itemId)).Select(t => t.Id), Is.EqualTo(new[] { second.Info.Id }));
    }

    [Test]
    public async Task Unknown_tokens_items_and_lifetimes_out_of_bounds_are_refused()
    {
        Assert.That(await Tokens.ValidateAsync("not-a-token"), Is.Null);
        Assert.That(await Tokens.ValidateAsync(""), Is.Null);
        Assert.ThrowsAsync<PreviewTokenException>(() => Tokens.IssueAsync("no-such-item", null));
        Assert.ThrowsAsync<PreviewTokenException>(() => Tokens.IssueAsync(_itemId, null, TimeSpan.Zero));
        Assert.ThrowsAsync<PreviewTokenException>(() => Tokens.IssueAsync(_itemId, null, TimeSpan.FromDays(8)));
    }

    [Test]
    public async Task The_default_lifetime_is_configurable()
    {
        await using var store = await TestStore.CreateAsync(TestDatabase.Sqlite,
            new Dictionary<string, string?> { ["OneDigital:Preview:DefaultLifetime"] = "00:15:00" },
            s => s.AddSingleton<TimeProvider>(_clock));
        await using var scope = store.Scope();

        var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<PreviewOptions>>().Value;

        Assert.That(options.DefaultLifetime, Is.EqualTo(TimeSpan.FromMinutes(15)));
    }
}
