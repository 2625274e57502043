using System.Security.Claims;
using Lucene.Net.Analysis.En;
using Lucene.Net.Util;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Security;
using OneDigital.Search.SiteSearch;
using OneDigital.Search.Tests.Queries;

namespace OneDigital.Search.Tests.SiteSearch;

public sealed class SiteSearchTests : QueryStoreFixture
{
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());
    private static readonly ClaimsPrincipal Admin = new(new ClaimsIdentity([new Claim(ClaimTypes.Role, "Administrator")], "test"));

    private string _titled = "", _bodied = "", _phrase = "", _submission = "";

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSiteSearch(new SiteSearchOptions { TopicFields = [TestIndex.Topics] });

    protected override TestIndex CreateIndex() => new(analyzer: new EnglishAnalyzer(LuceneVersion.LUCENE_48));

    [SetUp]
    public async Task CreateContentAsync()
    {
        // Readers hold View_Article only, so the Securable LearningSubmission type is not theirs to see.
        var roles = Get<RoleService>();
        await roles.SaveAsync("Anonymous", null, [], PermissionBehavior.Add);
        await roles.SaveAsync("Anonymous", null, ["View_Article"], PermissionBehavior.Replace);
        _bodied = await CreateAsync("Community champions", "Volunteers teach digital skills and budgeting in libraries every week.", new(2024, 1, 1), topics: "t-skills");
        _titled = await CreateAsync("Budgeting workshops", "Sessions for people who want help with money.", new(2024, 2, 1), topics: "t-money");
        _phrase = await CreateAsync("Skills for life", "Digital inclusion means people can use online services.", new(2024, 3, 1), topics: "t-skills");
        for (var i = 0; i < 4; i++)
        {
            await CreateAsync($"Inclusion report {i}", "A report on digital inclusion across the region.", new(2023, 1, 1 + i), topics: ["t-skills", "t-region"]);
        }
        _submission = await CreateAsync("My budgeting story", "A private submission about budgeting.", new(2024, 4, 1), type: "LearningSubmission");
    }

    private Task<SiteSearchResult> SearchAsync(string text, ClaimsPrincipal? reader = null, int page = 1, int pageSize = 10, string? type = null, string? topic = null) =>
        Get<SiteSearchService>().SearchAsync(new SiteSearchRequest(text, page, pageSize, type, topic), reader ?? Anonymous);

    private static List<string> Ids(SiteSearchResult result) => [.. result.Items.Select(h => h.Item.ContentItemId)];

    [Test]
    public async Task A_word_in_the_title_ranks_above_the_same_word_in_the_body()
    {
        var result = await SearchAsync("budgeting");
        Assert.That(Ids(result), Is.EqualTo(new[] { _titled, _bodied }));
    }

    [Test]
    public async Task Snippets_mark_the_matching_words_and_escape_everything_else()
    {
        await CreateAsync("Fish & chips", "Learn <b>budgeting</b> & saving.", new(2024, 5, 1));
        var result = await SearchAsync("budgeting");
        var fish = result.Items.Single(h => h.Title.StartsWith("Fish", StringComparison.Ordinal));
        Assert.That(fish.Snippet, Is.EqualTo("Learn &lt;b&gt;<mark>budgeting</mark>&lt;&#x2F;b&gt; &amp; saving."));
        Assert.That(fish.Title, Is.EqualTo("Fish &amp; chips"));
        Assert.That(result.Items.Single(h => h.Item.ContentItemId == _titled).Title, Is.EqualTo("<mark>Budgeting</mark> workshops"));
    }

    [Test]
    public async Task A_quoted_phrase_matches_only_the_words_together_in_that_order()
    {
        var loose = await SearchAsync("skills digital");
        var quoted = await SearchAsync("\"digital skills\"");
        Assert.That(loose.Total, Is.GreaterThan(quoted.Total));
        Assert.That(Ids(quoted), Is.EqualTo(new[] { _bodied }));
        Assert.That(quoted.Items[0].Snippet, Does.Contain("<mark>digital</mark> <mark>skills</mark>"));
    }

    [Test]
    public async Task A_misspelled_word_falls_back_to_fuzzy_matching_and_says_so()
    {
        var result = await SearchAsync("bugdeting");
        Assert.That(Ids(result), Is.EqualTo(new[] { _titled, _bodied }));
        Assert.That((result.UsedFuzzy, result.CorrectedFrom), Is.EqualTo((true, "bugdeting")));
        Assert.That(result.Items[0].Title, Does.Contain("<mark>Budgeting</mark>"));
        var exact = await SearchAsync("budgeting");
        Assert.That((exact.UsedFuzzy, exact.CorrectedFrom), Is.EqualTo((false, (string?)null)));
    }

    [Test]
    public async Task A_word_in_another_form_matches_by_its_stem()
    {
        Assert.That(Ids(await SearchAsync("workshop")), Is.EqualTo(new[] { _titled }));
        Assert.That(Ids(await SearchAsync("teaching volunteer")), Is.EqualTo(new[] { _bodied }));
        Assert.That((await SearchAsync("teaching")).UsedFuzzy, Is.False);
    }

    [Test]
    public async Task Facets_count_types_and_topics_over_every_hit_not_just_the_page()
    {
        var result = await SearchAsync("digital", pageSize: 2);
        Assert.That((result.Total, result.Items.Count), Is.EqualTo((6, 2)));
        Assert.That(result.ContentTypes, Is.EqualTo(new Dictionary<string, int> { ["Article"] = 6 }));
        Assert.That(result.Topics, Is.EqualTo(new Dictionary<string, int> { ["t-skills"] = 6, ["t-region"] = 4 }));
    }

    [Test]
    public async Task Filters_narrow_the_hits_by_topic_and_type()
    {
        Assert.That((await SearchAsync("digital", topic: "t-region")).Total, Is.EqualTo(4));
        Assert.That((await SearchAsync("budgeting", type: "LearningSubmission", reader: Admin)).Items.Select(h => h.Item.ContentItemId), Is.EqualTo(new[] { _submission }));
        Assert.That((await SearchAsync("budgeting", type: "Page")).Total, Is.Zero);
    }

    [Test]
    public async Task Pages_follow_each_other_without_overlap()
    {
        var first = await SearchAsync("inclusion", pageSize: 3);
        var second = await SearchAsync("inclusion", page: 2, pageSize: 3);
        Assert.That((first.Total, first.Items.Count, second.Items.Count), Is.EqualTo((5, 3, 2)));
        Assert.That(Ids(first).Intersect(Ids(second)), Is.Empty);
        Assert.That((await SearchAsync("inclusion", page: 3, pageSize: 3)).Items, Is.Empty);
    }

    [Test]
    public async Task Readers_never_see_learning_submissions_while_administrators_do()
    {
        var reader = await SearchAsync("budgeting story private");
        Assert.That(Ids(reader), Does.Not.Contain(_submission));
        Assert.That(reader.ContentTypes.Keys, Does.Not.Contain("LearningSubmission"));
        Assert.That(Ids(await SearchAsync("private submission", Admin)), Does.Contain(_submission));
    }

    [Test]
    public async Task Unpublished_items_are_not_found()
    {
        var draft = await CreateAsync("Budgeting draft", "Not ready.", new(2024, 6, 1), publish: false);
        Assert.That(Ids(await SearchAsync("budgeting draft")), Does.Not.Contain(draft));
    }

    [Test]
    public async Task An_item_indexed_again_as_unpublished_leaves_the_results_of_a_search_made_before()
    {
        var item = await CreateAsync("Zebrafish workshop", "Learning about zebrafish online.", new(2024, 5, 1));
        Assert.That(Ids(await SearchAsync("zebrafish")), Is.EqualTo(new[] { item }));

        // The filter of visible items is cached per index segment; the segment's deletions still apply to it.
        Index.Add(item, "Article", "Zebrafish workshop", "Learning about zebrafish online.", new(2024, 5, 1), null, [], published: false);

        var after = await SearchAsync("zebrafish");
        Assert.That(after.Total, Is.Zero);
        Assert.That(after.ContentTypes.Values.Sum(), Is.Zero);
    }

    [Test]
    public async Task A_reader_who_gains_a_type_finds_its_items_in_the_next_search()
    {
        Assert.That(Ids(await SearchAsync("private submission")), Does.Not.Contain(_submission));

        await Get<RoleService>().SaveAsync("Anonymous", null, ["View_Article", "View_LearningSubmission"], PermissionBehavior.Replace);

        Assert.That(Ids(await SearchAsync("private submission")), Does.Contain(_submission));
    }
}
