using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Audit;
using OneDigital.Content.Items;
using OneDigital.Content.Querying;

namespace OneDigital.Admin.Tests.History;

/// <summary>The versions pages over HTTP: the history, the field-by-field comparison, restore as a new draft, and who may.</summary>
public sealed class VersionsPageTests
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

    private async Task<IReadOnlyList<ContentVersionInfo>> HistoryAsync(string id)
    {
        await using var scope = _site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ContentQuery>().GetVersionHistoryAsync(id);
    }

    [Test]
    public async Task The_history_lists_each_version_newest_first_with_who_when_what_changed_and_the_published_and_latest_marks()
    {
        var id = await HistorySite.PublishedTwiceAsync(_site, "History");
        using var client = await _site.SignedInAdminAsync();

        using var response = await client.GetAsync($"/admin/content/{id}/versions");
        var html = await HistorySite.TextAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("<h1 class=\"govuk-heading-l\">Versions of History two</h1>"));
        int At(int number) => html.IndexOf($"data-version=\"{number}\"", StringComparison.Ordinal);
        Assert.That(new[] { At(3), At(2), At(1) }, Is.Ordered.And.All.GreaterThan(0), "newest first");
        var published = html[At(3)..At(2)];
        Assert.That(published, Does.Contain(">Published</strong>").And.Contain(">Latest</strong>").And.Contain("bob").And.Contain("No content changed"));
        Assert.That(published, Does.Not.Contain("Restore<"), "the latest version is not offered for restore");
        var draft = html[At(2)..At(1)];
        Assert.That(draft, Does.Contain("bob").And.Contain("Changed: DisplayText, TitlePart › Title"));
        Assert.That(draft, Does.Match(@"<time datetime=""\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"">\d{1,2} \w+ \d{4}, \d\d:\d\d</time>"));
        var oldest = html[At(1)..];
        Assert.That(oldest, Does.Contain("alice").And.Contain("First version").And.Contain("Restore<span class=\"govuk-visually-hidden\"> version 1"));
        Assert.That(oldest, Does.Not.Contain("govuk-tag"), "the first version is neither published nor latest now");
        Assert.That(html, Does.Contain("Times are in the site's time zone, UTC."));
    }

    [Test]
    public async Task A_long_history_is_paged_twenty_newest_first_with_links_a_range_and_each_rows_summary_against_its_predecessor()
    {
        // Version 1 is created published; each later one is a draft saved and published, with a new title in the
        // even versions and none in the odd ones: 45 versions.
        string id;
        await using (var scope = _site.Services.CreateAsyncScope())
        {
            var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
            var item = await manager.NewAsync("BlogPost");
            HistorySite.SetTitle(item, "Long 1");
            await manager.CreateAsync(item, publish: true);
            id = item.ContentItemId;
            for (var number = 2; number <= 45; number++)
            {
                var draft = (await manager.GetAsync(item.ContentItemId, VersionOptions.DraftRequired))!;
                if (number % 2 == 0) HistorySite.SetTitle(draft, $"Long {number}");
                await manager.UpdateAsync(draft);
                await manager.PublishAsync(draft);
            }
        }
        Assert.That(await HistoryAsync(id), Has.Count.EqualTo(45));
        using var client = await _site.SignedInAdminAsync();

        var first = await HistorySite.TextAsync(await client.GetAsync($"/admin/content/{id}/versions"));
        var second = await HistorySite.TextAsync(await client.GetAsync($"/admin/content/{id}/versions?p=2"));
        var last = await HistorySite.TextAsync(await client.GetAsync($"/admin/content/{id}/versions?p=3"));

        Assert.That(Numbers(first), Is.EqualTo(Enumerable.Range(26, 20).Reverse()));
        Assert.That(first, Does.Contain("1–20 of 45").And.Contain("aria-label=\"Page 3\"").And.Contain($"href=\"/admin/content/{id}/versions?p=2\" rel=\"next\""));
        Assert.That(first, Does.Not.Contain("rel=\"prev\""));
        Assert.That(Numbers(second), Is.EqualTo(Enumerable.Range(6, 20).Reverse()), "page 2 shows the 21st to the 40th newest");
        Assert.That(second, Does.Contain("21–40 of 45").And.Contain($"versions?p=1\" rel=\"prev\"").And.Contain($"versions?p=3\" rel=\"next\""));
        Assert.That(Row(second, 25), Does.Contain("No content changed"), "a publication");
        Assert.That(Row(second, 6), Does.Contain("Changed: DisplayText, TitlePart › Title"), "the page's last row against version 5, read from the next page");
        Assert.That(Numbers(last), Is.EqualTo(Enumerable.Range(1, 5).Reverse()));
        Assert.That(last, Does.Contain("41–45 of 45").And.Not.Contain("rel=\"next\""));
        Assert.That(Row(last, 1), Does.Contain("First version"));
        Assert.That(Row(last, 2), Does.Contain("Changed: DisplayText, TitlePart › Title"));
        Assert.That(second, Does.Contain("<option value=").And.Contain("Version 45 (published) (latest)"), "the compare form still offers every version");
    }

    private static List<int> Numbers(string html) =>
        [.. System.Text.RegularExpressions.Regex.Matches(html, "data-version=\"(\\d+)\"").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    private static string Row(string html, int number)
    {
        var start = html.IndexOf($"data-version=\"{number}\"", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThan(0), $"version {number} is on the page");
        var end = html.IndexOf("</tr>", start, StringComparison.Ordinal);
        return html[start..end];
    }

    [Test]
    public async Task Comparing_two_versions_shows_each_changed_field_with_its_old_and_new_value_in_words()
    {
        var id = await HistorySite.PublishedTwiceAsync(_site, "Compared");
        var history = await HistoryAsync(id);
        using var client = await _site.SignedInAdminAsync();

        using var response = await client.GetAsync($"/admin/content/{id}/versions/compare?from={history[0].ContentItemVersionId}&to={history[^1].ContentItemVersionId}");
        var html = await HistorySite.TextAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("From version 1 to version 3"));
        Assert.That(html, Does.Contain("<th scope=\"row\" class=\"govuk-table__header\">TitlePart › Title</th>"));
        Assert.That(html, Does.Contain("<td class=\"govuk-table__cell\">Changed</td>"), "the kind of change in words, not colour");
        Assert.That(html, Does.Contain("<del>Compared one</del>").And.Contain("<ins>Compared two</ins>"));
    }

    [Test]
    public async Task Comparing_without_two_different_versions_shows_the_error_summary_and_no_table()
    {
        var id = await HistorySite.PublishedTwiceAsync(_site, "Unchosen");
        var history = await HistoryAsync(id);
        using var client = await _site.SignedInAdminAsync();

        using var none = await client.GetAsync($"/admin/content/{id}/versions/compare");
        var noneHtml = await HistorySite.TextAsync(none);
        using var same = await client.GetAsync($"/admin/content/{id}/versions/compare?from={history[0].ContentItemVersionId}&to={history[0].ContentItemVersionId}");
        var sameHtml = await HistorySite.TextAsync(same);

        Assert.That(noneHtml, Does.Contain("govuk-error-summary").And.Contain("<a href=\"#from\">Choose the older version</a>"));
        Assert.That(noneHtml, Does.Not.Contain("data-testid=\"changes\""));
        Assert.That(sameHtml, Does.Contain("<a href=\"#to\">Choose a different version from the older one</a>"));
        Assert.That(sameHtml, Does.Contain("<title>Error: "));
    }

    [Test]
    public async Task Restoring_an_old_version_makes_a_new_draft_leaves_the_published_version_served_and_is_audited_as_the_editor()
    {
        var id = await HistorySite.PublishedTwiceAsync(_site, "Restored");
        var history = await HistoryAsync(id);
        using var client = await _site.SignedInAdminAsync();
        var restorePage = $"/admin/content/{id}/versions/{history[0].ContentItemVersionId}/restore";

        using var confirm = await client.GetAsync(restorePage);
        Assert.That(await HistorySite.TextAsync(confirm), Does.Contain("Restore version 1 as a new draft?").And.Contain("Restored one"));
        using var response = await client.PostFormAsync(restorePage, []);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo($"/admin/content/{id}/versions?restored=4"));
        var after = await HistoryAsync(id);
        Assert.That(after, Has.Count.EqualTo(4));
        Assert.That(after[3], Has.Property("Latest").True.And.Property("Published").False.And.Property("DisplayText").EqualTo("Restored one").And.Property("Author").EqualTo("admin"));
        Assert.That(after[2], Has.Property("Published").True);
        Assert.That(await HistorySite.GraphQLTitleAsync(_site, id), Is.EqualTo("Restored two"), "readers still get the published version");

        await using var scope = _site.Services.CreateAsyncScope();
        var events = await scope.ServiceProvider.GetRequiredService<AuditTrail>().QueryAsync(new AuditQuery { ContentItemId = id, Kinds = [AuditKind.Restored] });
        Assert.That(events.Events, Has.Count.EqualTo(1));
        Assert.That(events.Events[0], Has.Property("UserName").EqualTo(AdminSite.AdminUserName).And.Property("Detail").EqualTo("restored from version 1"));
        using var page = await client.GetAsync(response.Headers.Location!.OriginalString);
        Assert.That(await HistorySite.TextAsync(page), Does.Contain("Restored as a new draft, version 4."));
    }

    [Test]
    public async Task A_restore_posted_from_a_page_the_item_has_moved_on_from_writes_nothing_and_says_why()
    {
        var id = await HistorySite.PublishedTwiceAsync(_site, "Stale");
        var history = await HistoryAsync(id);
        using var client = await _site.SignedInAdminAsync();
        var restorePage = $"/admin/content/{id}/versions/{history[1].ContentItemVersionId}/restore";

        using var response = await client.PostFormAsync(restorePage, [new("loadedVersionId", history[0].ContentItemVersionId)]);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await HistorySite.TextAsync(response), Does.Contain("govuk-error-summary"));
        Assert.That(await HistoryAsync(id), Has.Count.EqualTo(3));
    }

    [Test]
    public async Task A_contributor_who_does_not_own_the_item_gets_403_on_the_history_the_comparison_and_the_restore()
    {
        var id = await HistorySite.PublishedTwiceAsync(_site, "Not theirs");
        var history = await HistoryAsync(id);
        using var client = _site.NewClient();
        await client.SignInAsync("contributor", Password);
        var restorePage = $"/admin/content/{id}/versions/{history[0].ContentItemVersionId}/restore";

        using var list = await client.GetAsync($"/admin/content/{id}/versions");
        using var compare = await client.GetAsync($"/admin/content/{id}/versions/compare");
        using var restoreForm = await client.GetAsync(restorePage);
        using var layout = await client.GetAsync("/admin");
        using var restore = await client.PostRawAsync(restorePage,
            [new(AdminClient.AntiforgeryField, AdminClient.AntiforgeryToken(await layout.Content.ReadAsStringAsync()))]);

        Assert.That(new[] { list.StatusCode, compare.StatusCode, restoreForm.StatusCode, restore.StatusCode }, Is.All.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await HistoryAsync(id), Has.Count.EqualTo(3), "nothing restored");
    }

    [Test]
    public async Task An_unknown_item_or_version_is_404()
    {
        var id = await HistorySite.PublishedTwiceAsync(_site, "Known");
        using var client = await _site.SignedInAdminAsync();

        using var item = await client.GetAsync("/admin/content/nosuchitem/versions");
        using var version = await client.GetAsync($"/admin/content/{id}/versions/nosuchversion/restore");

        Assert.That(item.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(version.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
