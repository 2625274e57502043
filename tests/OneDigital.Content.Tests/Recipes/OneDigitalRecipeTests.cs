using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Definitions;
using OneDigital.Content.Indexing;
using OneDigital.Content.Items;
using OneDigital.Content.Recipes;
using OneDigital.Content.Recipes.Steps;
using OneDigital.Content.Security;
using OneDigital.Content.Settings;
using OneDigital.Content.Store;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Recipes;

/// <summary>The setup recipe in <c>recipes/onedigital.recipe.json</c>: the site model and the client's own content.</summary>
public class OneDigitalRecipeTests
{
    private static readonly string[] ReportTitles =
    [
        "Working with learners",
        "Working with Digital Champions",
        "Partnerships and Engagement",
        "Digital maturity and transformation",
    ];

    /// <summary>Every type of DESIGN.md §4 with the fields of its own part (empty when it has none).</summary>
    private static readonly Dictionary<string, string[]> TypesAndFields = new()
    {
        ["Page"] = [],
        ["Blog"] = [],
        ["BlogPost"] = ["Subtitle", "Image", "Topics", "Related"],
        ["CaseStudy"] = ["Summary", "Organisation", "Region", "Topics", "ChampionsInvolved", "PeopleSupported", "Image", "Quote"],
        ["ReportSeries"] = [],
        ["Report"] = ["PartNumber", "Summary", "Download", "Topics"],
        ["Event"] = ["StartsAt", "EndsAt", "EventType", "Venue", "Online", "Registration", "Topics"],
        ["ProgrammePhase"] = ["PhaseNumber", "DigitalChampionsRecruited", "PeopleSupported"],
        ["Taxonomy"] = [],
        ["Topic"] = [],
        ["Region"] = [],
        ["EventType"] = [],
        ["LearningSubmission"] = ["Name", "Email", "Organisation", "Summary", "Link", "Title", "File"],
    };

    [Test]
    public async Task The_report_series_holds_the_four_reports_of_the_page_numbered_and_tagged_with_their_topic()
    {
        await using var store = await ImportedStoreAsync();
        await using var scope = store.Scope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();

        var series = (await PublishedAsync(scope, "ReportSeries")).Single();
        var reports = await PublishedAsync(scope, "Report");
        var topics = await TermTitlesAsync(scope, "Topics");

        Assert.That(reports.Select(r => r.DisplayText), Is.EquivalentTo(ReportTitles));
        Assert.Multiple(() =>
        {
            foreach (var report in reports)
            {
                var part = report.Part("Report")!;
                var expectedNumber = Array.IndexOf(ReportTitles, report.DisplayText) + 1;
                Assert.That(JsonValues.Number(part["PartNumber"]?["Value"]), Is.EqualTo(expectedNumber), report.DisplayText);
                var terms = JsonValues.NonEmptyStrings(part["Topics"]?["TermContentItemIds"]).ToList();
                Assert.That(terms, Has.Count.EqualTo(1), report.DisplayText);
                Assert.That(topics.GetValueOrDefault(terms.FirstOrDefault() ?? ""), Is.EqualTo(report.DisplayText), "topic term of " + report.DisplayText);
                Assert.That(JsonValues.NonEmptyString(report.Part("ContainedPart")?["ListContentItemId"]), Is.EqualTo(series.ContentItemId), report.DisplayText);
            }
        });
    }

    [Test]
    public async Task The_phase_one_evaluation_holds_its_figures_as_numbers()
    {
        await using var store = await ImportedStoreAsync();
        await using var scope = store.Scope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();

        var phase = (await PublishedAsync(scope, "ProgrammePhase")).Single();
        var part = phase.Part("ProgrammePhase")!;

        Assert.Multiple(() =>
        {
            Assert.That(phase.DisplayText, Is.EqualTo("Evaluation of Phase 1"));
            Assert.That(part["PhaseNumber"]?["Value"]?.GetValueKind(), Is.EqualTo(System.Text.Json.JsonValueKind.Number));
            Assert.That(JsonValues.Number(part["PhaseNumber"]?["Value"]), Is.EqualTo(1));
            Assert.That(JsonValues.Number(part["DigitalChampionsRecruited"]?["Value"]), Is.EqualTo(1179));
            Assert.That(JsonValues.Number(part["PeopleSupported"]?["Value"]), Is.EqualTo(11000));
        });
    }

    [Test]
    public async Task The_about_page_holds_the_text_of_the_clients_page()
    {
        await using var store = await ImportedStoreAsync();
        await using var scope = store.Scope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();

        var pages = await PublishedAsync(scope, "Page");
        var about = pages.Single(p => p.DisplayText == "About the Community of Practice");
        var markdown = JsonValues.NonEmptyString(about.Part("MarkdownBodyPart")?["Markdown"]);

        Assert.That(markdown, Does.StartWith(
            "The role of the One Digital Community of Practice is to share learning and best practice arising from the One Digital " +
            "projects to ensure that we, and our wider project collaborators, are providing high quality Digital Champion support."));
        Assert.That(pages.Select(p => p.DisplayText), Does.Contain("Sharing learning"));
        Assert.That((await PublishedAsync(scope, "Blog")).Select(b => b.DisplayText), Is.EqualTo(new[] { "Blog" }));
    }

    [Test]
    public async Task The_three_taxonomies_hold_their_terms()
    {
        await using var store = await ImportedStoreAsync();
        await using var scope = store.Scope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();

        var topics = await TermTitlesAsync(scope, "Topics");
        var regions = await TermTitlesAsync(scope, "Regions");
        var eventTypes = await TermTitlesAsync(scope, "Event types");

        Assert.Multiple(() =>
        {
            Assert.That(topics.Values, Is.EquivalentTo(ReportTitles));
            Assert.That(regions.Values, Is.EquivalentTo(new[] { "England", "Scotland", "Wales", "Northern Ireland" }));
            Assert.That(eventTypes.Values, Is.EquivalentTo(new[] { "Event", "Workshop", "Learning set" }));
        });
    }

    [Test]
    public async Task Every_type_of_the_site_model_exists_with_its_fields()
    {
        await using var store = await ImportedStoreAsync();
        await using var scope = store.Scope();
        var definitions = await scope.ServiceProvider.GetRequiredService<ContentDefinitionStore>().GetAsync();

        Assert.Multiple(() =>
        {
            foreach (var (typeName, fields) in TypesAndFields)
            {
                var type = definitions.Type(typeName);
                Assert.That(type, Is.Not.Null, $"type {typeName}");
                if (type is null) continue;
                var ownFields = definitions.Part(typeName)?.Fields.Select(f => f.Name) ?? [];
                Assert.That(ownFields, Is.EquivalentTo(fields), $"fields of {typeName}");
            }
            var submission = definitions.Type("LearningSubmission")?.TypeSettings;
            Assert.That(submission?.Securable, Is.True, "LearningSubmission is Securable");
            var download = definitions.Part("Report")?.Field("Download")?.GetSettings<MediaFieldSettings>();
            Assert.That(download?.AllowedExtensions, Is.EqualTo(new[] { ".pdf" }));
            Assert.That(download?.Multiple, Is.False);
        });
    }

    [Test]
    public async Task The_topics_fields_point_at_the_topics_taxonomy()
    {
        await using var store = await ImportedStoreAsync();
        await using var scope = store.Scope();
        var definitions = await scope.ServiceProvider.GetRequiredService<ContentDefinitionStore>().GetAsync();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var topics = (await PublishedAsync(scope, "Taxonomy")).Single(t => t.DisplayText == "Topics");

        Assert.Multiple(() =>
        {
            foreach (var partName in new[] { "BlogPost", "CaseStudy", "Report", "Event" })
            {
                var settings = definitions.Part(partName)?.Field("Topics")?.GetSettings<TaxonomyFieldSettings>();
                Assert.That(settings?.TaxonomyContentItemId, Is.EqualTo(topics.ContentItemId), $"{partName}.Topics");
            }
        });
    }

    [Test]
    public async Task Items_made_by_editors_get_their_paths_and_titles_from_the_recipes_patterns()
    {
        await using var store = await ImportedStoreAsync();
        await using var scope = store.Scope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var blog = (await PublishedAsync(scope, "Blog")).Single();

        var post = await manager.NewAsync("BlogPost");
        post.GetOrCreatePart("TitlePart")["Title"] = "Learning sets in Wales";
        post.GetOrCreatePart("ContainedPart")["ListContentItemId"] = blog.ContentItemId;
        await manager.CreateAsync(post, publish: true);

        var workshop = await manager.NewAsync("Event");
        workshop.GetOrCreatePart("TitlePart")["Title"] = "Digital Champions workshop";
        workshop.GetOrCreatePart("Event")["StartsAt"] = new JsonObject { ["Value"] = "2026-03-01T10:00:00Z" };
        await manager.CreateAsync(workshop, publish: true);

        var submission = await manager.NewAsync("LearningSubmission");
        var fields = submission.GetOrCreatePart("LearningSubmission");
        fields["Name"] = new JsonObject { ["Text"] = "Sam Jones" };
        fields["Email"] = new JsonObject { ["Text"] = "sam@example.org" };
        fields["Summary"] = new JsonObject { ["Text"] = "What our learning set found." };
        fields["Title"] = new JsonObject { ["Text"] = "Learning sets" };
        await manager.CreateAsync(submission, publish: false);

        Assert.Multiple(() =>
        {
            Assert.That(JsonValues.NonEmptyString(post.Part("AutoroutePart")?["Path"]), Is.EqualTo("blog/learning-sets-in-wales"));
            Assert.That(JsonValues.NonEmptyString(workshop.Part("AutoroutePart")?["Path"]), Is.EqualTo("events/digital-champions-workshop"));
            Assert.That(submission.DisplayText, Is.EqualTo("Learning sets (from Sam Jones)"));
        });
    }

    [Test]
    public async Task Reports_added_to_two_series_go_to_the_end_of_their_own_series()
    {
        await using var store = await ImportedStoreAsync();
        await using var scope = store.Scope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var yearOne = (await PublishedAsync(scope, "ReportSeries")).Single();
        var yearTwo = await manager.NewAsync("ReportSeries");
        yearTwo.GetOrCreatePart("TitlePart")["Title"] = "Year two";
        await manager.CreateAsync(yearTwo, publish: true);

        var orders = new List<(string Series, double? Order)>();
        foreach (var (series, title) in new[] { (yearTwo, "A"), (yearOne, "B"), (yearTwo, "C"), (yearOne, "D") })
        {
            var report = await manager.NewAsync("Report");
            report.GetOrCreatePart("TitlePart")["Title"] = title;
            report.GetOrCreatePart("ContainedPart")["ListContentItemId"] = series.ContentItemId;
            report.GetOrCreatePart("Report")["PartNumber"] = new JsonObject { ["Value"] = 9m };
            await manager.CreateAsync(report, publish: true);
            orders.Add((series.DisplayText!, JsonValues.Number(report.Part("ContainedPart")?["Order"])));
        }

        // The recipe's series already holds parts at positions 0 to 3.
        Assert.That(orders, Is.EqualTo(new (string, double?)[]
        {
            ("Year two", 0), (yearOne.DisplayText!, 4), ("Year two", 1), (yearOne.DisplayText!, 5),
        }));
    }

    [Test]
    public async Task The_site_is_named_and_opens_on_the_about_page()
    {
        await using var store = await ImportedStoreAsync();
        await using var scope = store.Scope();
        var settings = await scope.ServiceProvider.GetRequiredService<SiteSettingsStore>().GetAsync();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var about = (await PublishedAsync(scope, "Page")).Single(p => p.DisplayText == "About the Community of Practice");

        Assert.Multiple(() =>
        {
            Assert.That(JsonValues.NonEmptyString(settings["SiteName"]), Is.EqualTo("One Digital Community of Practice"));
            Assert.That(JsonValues.NonEmptyString(settings["HomeRoute"]?["ContentItemId"]), Is.EqualTo(about.ContentItemId));
        });
    }

    [Test]
    public async Task The_search_index_covers_the_public_types_and_never_learning_submissions()
    {
        await using var store = await ImportedStoreAsync();
        await using var scope = store.Scope();
        var (profiles, _) = await scope.ServiceProvider.GetRequiredService<DocumentStore>()
            .GetAsync<IndexProfilesDocument>(IndexProfilesDocument.DocumentName);
        var search = profiles.Find("Search");

        Assert.That(search, Is.Not.Null);
        Assert.That(search!.Content.IndexedContentTypes,
            Is.EquivalentTo(new[] { "Page", "BlogPost", "CaseStudy", "ReportSeries", "Report", "Event", "ProgrammePhase" }));
        Assert.That(search.Content.IndexLatest, Is.False);
    }

    [Test]
    public async Task Anonymous_readers_may_view_and_query_content_and_editors_keep_their_permissions_on_a_second_import()
    {
        await using var store = await ImportedStoreAsync();
        await ImportAsync(store);
        await using var scope = store.Scope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleService>();

        var anonymous = await roles.GetPermissionsAsync("Anonymous");
        var editor = await roles.GetPermissionsAsync("Editor");
        var names = (await roles.ListAsync()).Select(r => r.Name);

        Assert.Multiple(() =>
        {
            Assert.That(names, Is.SupersetOf(new[] { "Administrator", "Moderator", "Editor", "Author", "Contributor", "Authenticated", "Anonymous" }));
            Assert.That(anonymous, Is.SupersetOf(new[] { "ViewContent", "ExecuteGraphQL" }));
            Assert.That(editor, Is.SupersetOf(new[] { "PublishContent", "EditContent", "ListContent" }));
        });
    }

    [Test]
    public async Task Every_step_of_the_recipe_runs_without_warnings()
    {
        await using var store = await TestStore.CreateAsync();
        var report = await store.ImportFileAsync(RecipePath());

        Assert.Multiple(() =>
        {
            Assert.That(report.StepsNotImplemented, Is.Empty);
            Assert.That(report.Warnings, Is.Empty);
            Assert.That(report.ItemsCreated, Is.EqualTo(14));
        });
    }

    [Test]
    public async Task Importing_the_recipe_twice_creates_no_duplicates()
    {
        await using var store = await ImportedStoreAsync();
        var before = await LiveItemCountsAsync(store);

        await ImportAsync(store);
        var after = await LiveItemCountsAsync(store);

        Assert.That(after, Is.EqualTo(before));
        Assert.That(before.GetValueOrDefault("Report"), Is.EqualTo(4));
    }

    private static async Task<TestStore> ImportedStoreAsync()
    {
        var store = await TestStore.CreateAsync();
        try
        {
            await ImportAsync(store);
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    private static Task ImportAsync(TestStore store) => store.ImportFileAsync(RecipePath());

    private static string RecipePath() => Path.Combine(RecipeRunner.RepositoryRoot(), "recipes", "onedigital.recipe.json");

    private static async Task<List<ContentItem>> PublishedAsync(AsyncServiceScope scope, string contentType)
    {
        var records = await scope.ServiceProvider.GetRequiredService<ContentDbContext>().ContentItems.AsNoTracking().Where(r => r.ContentType == contentType && r.Published).ToListAsync();
        return records.ConvertAll(ContentItemStore.ToItem);
    }

    /// <summary>The terms of the taxonomy with this title, by id.</summary>
    private static async Task<Dictionary<string, string?>> TermTitlesAsync(AsyncServiceScope scope, string taxonomyTitle)
    {
        var taxonomy = (await PublishedAsync(scope, "Taxonomy")).Single(t => t.DisplayText == taxonomyTitle);
        var terms = taxonomy.Part("TaxonomyPart")?["Terms"] as JsonArray ?? [];
        return terms.OfType<JsonObject>().ToDictionary(
            t => JsonValues.NonEmptyString(t["ContentItemId"]) ?? "",
            t => JsonValues.NonEmptyString(t["DisplayText"]));
    }

    private static async Task<Dictionary<string, int>> LiveItemCountsAsync(TestStore store)
    {
        await using var scope = store.Scope();
        return await scope.ServiceProvider.GetRequiredService<ContentDbContext>().ContentItems.AsNoTracking()
            .Where(r => r.Latest || r.Published)
            .GroupBy(r => r.ContentType)
            .Select(g => new { g.Key, Count = g.Select(r => r.ContentItemId).Distinct().Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count);
    }
}
