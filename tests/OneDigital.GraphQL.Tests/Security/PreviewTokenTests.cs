// Why: a partner site reads one item's draft with a preview token and nothing else; an expired or revoked token, or
// one issued for another item, must show no draft at all.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OneDigital.Content.Items;
using OneDigital.Content.Preview;
using OneDigital.GraphQL.Tests.Support;

namespace OneDigital.GraphQL.Tests.Security;

public class PreviewTokenTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private GraphQLTestSite _site = null!;
    private ContentItem _previewed = null!, _other = null!, _live = null!;

    [OneTimeSetUp]
    public async Task CreateContent()
    {
        _site = await GraphQLTestSite.OneDigitalAsync(s => s.AddSingleton<TimeProvider>(_clock));
        _previewed = await _site.CreateAsync("Page", i => i.DisplayText = "Previewed draft", publish: false);
        _other = await _site.CreateAsync("Page", i => i.DisplayText = "Other draft", publish: false);
        _live = await _site.CreateAsync("Page", i => i.DisplayText = "Live page", publish: true);
    }

    [OneTimeTearDown]
    public async Task Dispose()
    {
        if (_site is not null) await _site.DisposeAsync();
    }

    private async Task<IssuedPreviewToken> IssueAsync(string contentItemId, TimeSpan? lifetime = null)
    {
        await using var scope = _site.Store.Scope();
        return await scope.ServiceProvider.GetRequiredService<PreviewTokens>().IssueAsync(contentItemId, "editor", lifetime);
    }

    private async Task<string[]> DraftTitlesAsync(string? token, string status = "DRAFT")
    {
        var data = await _site.DataAsync($$"""{ page(status: {{status}}) { displayText } pageConnection(status: {{status}}) { totalCount } }""", previewToken: token);
        var titles = data["page"]!.AsArray().Select(i => i!["displayText"]!.GetValue<string>()).ToArray();
        Assert.That(data["pageConnection"]!["totalCount"]!.GetValue<int>(), Is.EqualTo(titles.Length), "the count agrees with the list");
        return titles;
    }

    [Test]
    public async Task Without_a_token_an_anonymous_caller_sees_no_draft()
    {
        Assert.That(await DraftTitlesAsync(null), Is.Empty);
    }

    [Test]
    public async Task A_valid_token_shows_the_draft_of_its_one_item_and_no_other()
    {
        var token = await IssueAsync(_previewed.ContentItemId);

        Assert.That(await DraftTitlesAsync(token.Token), Is.EqualTo(new[] { "Previewed draft" }));
        Assert.That(await DraftTitlesAsync(token.Token, "LATEST"), Is.EqualTo(new[] { "Previewed draft" }));
        Assert.That(await DraftTitlesAsync(token.Token, "ALL"), Is.Empty, "a token grants the latest version, not every version");
    }

    [Test]
    public async Task A_token_for_another_item_shows_no_draft_of_this_one()
    {
        var token = await IssueAsync(_live.ContentItemId);

        Assert.That(await DraftTitlesAsync(token.Token), Is.Empty, "the live page has no draft, and other drafts stay hidden");
    }

    [Test]
    public async Task An_expired_token_shows_no_draft()
    {
        var token = await IssueAsync(_previewed.ContentItemId, TimeSpan.FromMinutes(5));
        Assert.That(await DraftTitlesAsync(token.Token), Has.Length.EqualTo(1));

        _clock.Advance(TimeSpan.FromMinutes(5));

        Assert.That(await DraftTitlesAsync(token.Token), Is.Empty);
    }

    [Test]
    public async Task A_revoked_token_shows_no_draft()
    {
        var token = await IssueAsync(_previewed.ContentItemId);
        await using (var scope = _site.Store.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<PreviewTokens>().RevokeAsync(token.Info.Id);
        }

        Assert.That(await DraftTitlesAsync(token.Token), Is.Empty);
    }

    [Test]
    public async Task ContentItem_with_status_DRAFT_returns_the_tokens_item_only_and_editors_read_it_without_a_token()
    {
        var token = await IssueAsync(_previewed.ContentItemId);
        var query = $$"""
            {
              previewed: contentItem(contentItemId: "{{_previewed.ContentItemId}}", status: DRAFT) { displayText }
              other: contentItem(contentItemId: "{{_other.ContentItemId}}", status: DRAFT) { displayText }
              published: contentItem(contentItemId: "{{_previewed.ContentItemId}}") { displayText }
            }
            """;

        var withToken = await _site.DataAsync(query, previewToken: token.Token);
        var anonymous = await _site.DataAsync(query);
        var administrator = await _site.DataAsync(query, GraphQLTestSite.Administrator);

        Assert.That(withToken["previewed"]?["displayText"]?.GetValue<string>(), Is.EqualTo("Previewed draft"));
        Assert.That(withToken["other"], Is.Null);
        Assert.That(withToken["published"], Is.Null, "a draft has no published version");
        Assert.That(anonymous["previewed"], Is.Null);
        Assert.That(administrator["other"]?["displayText"]?.GetValue<string>(), Is.EqualTo("Other draft"));
    }

    [Test]
    public async Task A_token_does_not_widen_what_a_published_read_returns()
    {
        var token = await IssueAsync(_previewed.ContentItemId);

        var data = await _site.DataAsync("{ page { displayText } }", previewToken: token.Token);

        Assert.That(data["page"]!.AsArray().Select(i => i!["displayText"]!.GetValue<string>()), Does.Not.Contain("Previewed draft").And.Not.Contain("Other draft"));
    }
}
