using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Audit;
using OneDigital.Content.Items;
using OneDigital.Content.Preview;

namespace OneDigital.Admin.Tests.History;

/// <summary>The preview page over HTTP: the draft as JSON, a token issued once that opens the draft in GraphQL until revoked.</summary>
public sealed class PreviewPageTests
{
    private const string Password = "Someone-Pa55word!";

    private AdminSite _site = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _site = await AdminSite.StartAsync();
        await _site.AddUserAsync("contributor", Password, "Contributor");
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _site.DisposeAsync();

    private async Task<string> DraftAsync(string title)
    {
        await using var scope = _site.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var item = await manager.NewAsync("BlogPost");
        HistorySite.SetTitle(item, title);
        await manager.CreateAsync(item, publish: false);
        return item.ContentItemId;
    }

    private async Task<IReadOnlyList<PreviewTokenInfo>> LiveAsync(string id)
    {
        await using var scope = _site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PreviewTokens>().ListLiveAsync(id);
    }

    [Test]
    public async Task The_page_shows_the_latest_draft_as_pretty_JSON()
    {
        var id = await DraftAsync("Draft as JSON");
        using var client = await _site.SignedInAdminAsync();

        using var response = await client.GetAsync($"/admin/content/{id}/preview");
        var html = await HistorySite.TextAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("The latest version is a draft."));
        Assert.That(html, Does.Contain($"\n  \"ContentItemId\": \"{id}\","), "indented JSON");
        Assert.That(html, Does.Contain("\"Title\": \"Draft as JSON\""));
        Assert.That(html, Does.Contain("No preview token of this item is live."));
    }

    [Test]
    public async Task An_issued_token_is_shown_once_opens_the_draft_in_GraphQL_and_after_revoking_opens_nothing()
    {
        var id = await DraftAsync("Draft for partners");
        using var client = await _site.SignedInAdminAsync();
        Assert.That(await HistorySite.GraphQLTitleAsync(_site, id, "DRAFT"), Is.Null, "no draft without a token");

        using var issued = await client.PostFormAsync($"/admin/content/{id}/preview", [new("lifetime", "15m")]);
        var html = await HistorySite.TextAsync(issued);
        var token = Regex.Match(html, "data-testid=\"token\">(?<t>[A-Za-z0-9_-]{43})<").Groups["t"].Value;

        Assert.That(issued.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(issued.Headers.CacheControl?.NoStore, Is.True, "no cache keeps the secret");
        Assert.That(token, Has.Length.EqualTo(43));
        Assert.That(html, Does.Contain("Copy the token now: it is not shown again."));
        Assert.That(html, Does.Contain($"-H 'X-Preview-Token: {token}'").And.Contain($"contentItem(contentItemId: \\\"{id}\\\", status: DRAFT)"));
        Assert.That(await HistorySite.GraphQLTitleAsync(_site, id, "DRAFT", token), Is.EqualTo("Draft for partners"));

        using var page = await client.GetAsync($"/admin/content/{id}/preview");
        var listed = await HistorySite.TextAsync(page);
        Assert.That(listed, Does.Not.Contain(token), "the secret is never shown again");
        var live = await LiveAsync(id);
        Assert.That(live, Has.Count.EqualTo(1));
        Assert.That(HistorySite.Hidden(listed, "tokenId"), Is.EqualTo(live[0].Id));
        Assert.That(live[0].ExpiresUtc - live[0].IssuedUtc, Is.EqualTo(TimeSpan.FromMinutes(15)));

        using var revoked = await client.PostFormAsync($"/admin/content/{id}/preview", [new("tokenId", live[0].Id)], $"/admin/content/{id}/preview?handler=revoke");

        Assert.That(revoked.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(revoked.Headers.Location?.OriginalString, Is.EqualTo($"/admin/content/{id}/preview?revoked=true"));
        Assert.That(await HistorySite.GraphQLTitleAsync(_site, id, "DRAFT", token), Is.Null);
        Assert.That(await LiveAsync(id), Is.Empty);
        await using var scope = _site.Services.CreateAsyncScope();
        var events = await scope.ServiceProvider.GetRequiredService<AuditTrail>().QueryAsync(new AuditQuery { ContentItemId = id });
        Assert.That(events.Events.Select(e => (e.Kind, e.UserName)),
            Is.SupersetOf(new[] { (AuditKind.PreviewTokenIssued, (string?)"admin"), (AuditKind.PreviewTokenRevoked, (string?)"admin") }));
    }

    [Test]
    public async Task Preview_on_the_site_opens_the_draft_in_the_theme_through_a_short_lived_link()
    {
        var id = await DraftAsync("Draft for the site");
        using var client = await _site.SignedInAdminAsync();
        using var page = await client.GetAsync($"/admin/content/{id}/preview");
        Assert.That(await HistorySite.TextAsync(page), Does.Contain($"action=\"/admin/content/{id}/preview?handler=site\" target=\"_blank\""));

        using var opened = await client.PostFormAsync($"/admin/content/{id}/preview", [], $"/admin/content/{id}/preview?handler=site");
        var link = opened.Headers.Location?.OriginalString ?? "";
        using var anonymous = new HttpClient { BaseAddress = _site.Address };
        using var preview = await anonymous.GetAsync(link);

        Assert.That(opened.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(opened.Headers.CacheControl?.NoStore, Is.True, "the link carries the secret");
        Assert.That(link, Does.Match($"^/preview/{id}\\?token=[A-Za-z0-9_-]{{43}}$"));
        Assert.That(preview.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await HistorySite.TextAsync(preview), Does.Contain("Draft for the site").And.Contain("Preview — not published"));
        var live = await LiveAsync(id);
        Assert.That(live, Has.Count.EqualTo(1), "listed, so it can be revoked");
        Assert.That(live[0].ExpiresUtc - live[0].IssuedUtc, Is.EqualTo(SitePreviewLink.Lifetime));
    }

    [Test]
    public async Task A_lifetime_not_offered_shows_the_error_and_issues_nothing()
    {
        var id = await DraftAsync("Draft with a bad lifetime");
        using var client = await _site.SignedInAdminAsync();

        using var response = await client.PostFormAsync($"/admin/content/{id}/preview", [new("lifetime", "1y")]);
        var html = await HistorySite.TextAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("<a href=\"#lifetime\">Choose how long the preview token works</a>"));
        Assert.That(html, Does.Contain("id=\"lifetime-error\""));
        Assert.That(await LiveAsync(id), Is.Empty);
    }

    [Test]
    public async Task Another_items_token_cannot_be_revoked_from_this_items_page()
    {
        var id = await DraftAsync("Mine");
        var other = await DraftAsync("Theirs");
        await using (var scope = _site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PreviewTokens>().IssueAsync(other, "someone");
        }
        var theirs = (await LiveAsync(other))[0];
        using var client = await _site.SignedInAdminAsync();

        using var response = await client.PostFormAsync($"/admin/content/{id}/preview", [new("tokenId", theirs.Id)], $"/admin/content/{id}/preview?handler=revoke");

        Assert.That(await HistorySite.TextAsync(response), Does.Contain("That preview token has expired or was already revoked."));
        Assert.That(await LiveAsync(other), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_contributor_may_not_preview_or_issue_tokens_for_an_item_they_do_not_own()
    {
        var id = await DraftAsync("Not the contributor's");
        using var client = _site.NewClient();
        await client.SignInAsync("contributor", Password);
        using var layout = await client.GetAsync("/admin");
        var antiforgery = AdminClient.AntiforgeryToken(await layout.Content.ReadAsStringAsync());

        using var page = await client.GetAsync($"/admin/content/{id}/preview");
        using var issue = await client.PostRawAsync($"/admin/content/{id}/preview", [new("lifetime", "1h"), new(AdminClient.AntiforgeryField, antiforgery)]);

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(issue.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await LiveAsync(id), Is.Empty);
    }
}
