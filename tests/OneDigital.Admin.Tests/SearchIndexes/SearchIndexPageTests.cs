// Why: the search index pages are the administrator's view of each node's Lucene index and the one place to
// rebuild, reset, re-configure and try it without the CLI; each action must do what the CLI and recipes do, and
// refuse bad input with a message on the field.
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Indexing;

namespace OneDigital.Admin.Tests.SearchIndexes;

public sealed class SearchIndexPageTests : AdminSiteTests
{
    protected override async Task PrepareAsync()
    {
        await Site.CreateItemAsync("BlogPost", "Volunteering with digital champions", publish: true);
        await Site.CreateItemAsync("BlogPost", "Library sessions for older people", publish: true);
        await Site.CreateItemAsync("BlogPost", "A draft about volunteering", publish: false);
        await SearchIndexSupport.CatchUpAsync(Site);
    }

    [Test]
    public async Task The_list_shows_each_index_with_its_documents_lag_and_health()
    {
        await SearchIndexSupport.CatchUpAsync(Site);
        var html = await Admin.HtmlAsync("/admin/search-indexes");
        var documents = SearchIndexSupport.Open(Site)!.DocumentCount;
        Assert.That(documents, Is.GreaterThanOrEqualTo(2));
        Assert.That(html, Does.Contain("href=\"/admin/search-indexes/Search\""));
        Assert.That(html, Does.Match($"data-testid=\"documents\">{documents:N0}<"));
        Assert.That(html, Does.Match("data-testid=\"lag\">0<"));
        Assert.That(html, Does.Contain("Healthy"));
    }

    [Test]
    public async Task The_configuration_page_links_to_the_search_indexes()
    {
        var html = await Admin.HtmlAsync("/admin/configuration");
        Assert.That(html, Does.Contain("href=\"/admin/search-indexes\""));
    }

    [Test]
    public async Task Rebuild_is_queued_for_every_node_and_the_status_reaches_done_with_every_published_item()
    {
        using var response = await Admin.PostFormAsync(SearchIndexSupport.Page, [], SearchIndexSupport.Page + "/rebuild");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo("/admin/search-indexes/Search?done=rebuild"));
        await using (var scope = Site.Services.CreateAsyncScope())
        {
            var document = await scope.ServiceProvider.GetRequiredService<IndexProfiles>().GetAsync();
            Assert.That(document.PendingActions.Where(a => a.IndexName == "Search").Select(a => a.Action), Does.Contain("Rebuild"));
        }

        var status = await SearchIndexSupport.WaitUntilDoneAsync(Admin);

        Assert.That(status.GetProperty("state").GetString(), Is.EqualTo("done"), status.ToString());
        Assert.That(status.GetProperty("action").GetString(), Is.EqualTo("Rebuild"));
        var documents = SearchIndexSupport.Open(Site)!.DocumentCount;
        Assert.That(status.GetProperty("documents").GetInt32(), Is.EqualTo(documents));
        Assert.That(status.GetProperty("done").GetInt64(), Is.EqualTo(status.GetProperty("total").GetInt64()));
        Assert.That(status.GetProperty("total").GetInt64(), Is.GreaterThanOrEqualTo(documents));
        Assert.That(status.GetProperty("summary").GetString(), Does.StartWith("Rebuild done:"));
        var html = await Admin.HtmlAsync(SearchIndexSupport.Page + "?done=rebuild");
        Assert.That(html, Does.Contain("The rebuild was requested."));
        Assert.That(html, Does.Contain("Rebuild done:"));
    }

    [Test]
    public async Task Reset_applies_the_log_again_and_reports_the_changes_applied()
    {
        using var response = await Admin.PostFormAsync(SearchIndexSupport.Page, [], SearchIndexSupport.Page + "/reset");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        var status = await SearchIndexSupport.WaitUntilDoneAsync(Admin);

        Assert.That(status.GetProperty("action").GetString(), Is.EqualTo("Reset"), status.ToString());
        Assert.That(status.GetProperty("done").GetInt64(), Is.GreaterThanOrEqualTo(3), "every task of the log, the three items' at least");
        Assert.That(status.GetProperty("lag").GetInt64(), Is.Zero);
    }

    [Test]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        using var response = await Admin.PostRawAsync(SearchIndexSupport.Page + "/rebuild", []);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task The_actions_addresses_opened_as_pages_lead_to_the_index_and_other_names_are_not_found()
    {
        using var rebuild = await Admin.GetAsync(SearchIndexSupport.Page + "/rebuild");
        Assert.That(rebuild.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(rebuild.Headers.Location?.OriginalString, Is.EqualTo(SearchIndexSupport.Page));
        await Admin.HtmlAsync(SearchIndexSupport.Page + "/bogus", HttpStatusCode.NotFound);
    }

    [Test]
    public async Task An_unknown_index_is_not_found()
    {
        await Admin.HtmlAsync("/admin/search-indexes/Nothing", HttpStatusCode.NotFound);
        await Admin.HtmlAsync("/admin/search-indexes/Nothing/edit", HttpStatusCode.NotFound);
        using var status = await Admin.GetAsync("/admin/search-indexes/Nothing/status");
        Assert.That(status.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Plain_words_find_published_items_with_their_titles_edit_links_and_scores()
    {
        await SearchIndexSupport.CatchUpAsync(Site);
        using var response = await Admin.PostFormAsync(SearchIndexSupport.Page + "/query", [new("q", "volunteer")]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), html);
        Assert.That(html, Does.Contain("data-testid=\"hit-count\">1 hit<"), "the English analyzer stems; the draft is not indexed");
        Assert.That(html, Does.Contain("Volunteering with digital champions"));
        Assert.That(html, Does.Match("href=\"/admin/content/[^\"]+/edit\""));
        Assert.That(html, Does.Match(@"govuk-table__cell--numeric"">\d+(\.\d+)?<"));
    }

    [Test]
    public async Task A_query_in_the_dsl_runs_and_an_error_names_its_json_path()
    {
        await SearchIndexSupport.CatchUpAsync(Site);
        using var ok = await Admin.PostFormAsync(SearchIndexSupport.Page + "/query",
            [new("q", """{ "query": { "term": { "Content.ContentItem.ContentType": "BlogPost" } }, "size": 5 }""")]);
        Assert.That(await ok.Content.ReadAsStringAsync(), Does.Contain("data-testid=\"hit-count\">2 hits<"));

        using var bad = await Admin.PostFormAsync(SearchIndexSupport.Page + "/query",
            [new("q", """{ "query": { "bool": { "must": [ { "match_all": {} }, { "trem": {} } ] } } }""")]);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("govuk-error-summary"));
        Assert.That(html, Does.Contain("At query.bool.must[1]"));
        Assert.That(html, Does.Not.Contain("data-testid=\"hit-count\""));
    }

    [Test]
    public async Task Saving_settings_stores_the_profile_and_the_index_is_rebuilt_with_them()
    {
        using var response = await Admin.PostFormAsync(SearchIndexSupport.Page + "/edit",
        [
            new("types", "BlogPost"), new("types", "Page"), new("versions", "published"), new("culture", "any"),
            new("analyzer", "standardanalyzer"), new("storeSource", "no"),
        ]);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo("/admin/search-indexes/Search?done=saved"));
        try
        {
            await using (var scope = Site.Services.CreateAsyncScope())
            {
                var profile = (await scope.ServiceProvider.GetRequiredService<IndexProfiles>().GetAsync()).Find("Search")!;
                Assert.That(profile.Lucene.AnalyzerName, Is.EqualTo("standardanalyzer"));
                Assert.That(profile.Content.IndexedContentTypes, Is.EqualTo(new[] { "BlogPost", "Page" }));
            }
            await SearchIndexSupport.CatchUpAsync(Site);
            // The standard analyzer does not stem: "volunteer" no longer finds "Volunteering".
            using var query = await Admin.PostFormAsync(SearchIndexSupport.Page + "/query", [new("q", "volunteer")]);
            Assert.That(await query.Content.ReadAsStringAsync(), Does.Contain("data-testid=\"hit-count\">0 hits<"));
        }
        finally
        {
            using var restore = await Admin.PostFormAsync(SearchIndexSupport.Page + "/edit",
            [
                new("types", "Page"), new("types", "BlogPost"), new("types", "CaseStudy"), new("types", "ReportSeries"), new("types", "Report"),
                new("types", "Event"), new("types", "ProgrammePhase"), new("versions", "published"), new("culture", "any"),
                new("analyzer", "englishanalyzer"), new("storeSource", "no"),
            ]);
            Assert.That(restore.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            await SearchIndexSupport.CatchUpAsync(Site);
        }
    }

    [Test]
    public async Task Settings_without_a_type_or_with_an_unknown_analyzer_are_refused_on_their_fields()
    {
        using var response = await Admin.PostFormAsync(SearchIndexSupport.Page + "/edit",
            [new("versions", "published"), new("culture", "fr-FR"), new("analyzer", "klingon"), new("storeSource", "no")]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("Select at least one content type to index"));
        Assert.That(html, Does.Contain("Select a culture from the list"));
        Assert.That(html, Does.Contain("Select an analyzer"));
        await using var scope = Site.Services.CreateAsyncScope();
        var profile = (await scope.ServiceProvider.GetRequiredService<IndexProfiles>().GetAsync()).Find("Search")!;
        Assert.That(profile.Lucene.AnalyzerName, Is.EqualTo("englishanalyzer"), "nothing was saved");
    }

    [Test]
    public async Task An_editor_without_manage_indexes_is_refused_every_index_page()
    {
        await Site.AddUserAsync("indexless", "Indexless-Pa55word!", "Editor");
        using var editor = Site.NewClient();
        await editor.SignInAsync("indexless", "Indexless-Pa55word!");
        foreach (var path in new[] { "/admin/search-indexes", SearchIndexSupport.Page, SearchIndexSupport.Page + "/edit", SearchIndexSupport.Page + "/query", SearchIndexSupport.Page + "/status" })
        {
            using var response = await editor.GetAsync(path);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), path);
        }
        Assert.That(await editor.HtmlAsync("/admin/configuration", HttpStatusCode.OK), Does.Not.Contain("/admin/search-indexes"));
    }
}
