using System.Text.Json.Nodes;
using OneDigital.GraphQL.Tests.Support;
using OneDigital.Testing;

namespace OneDigital.GraphQL.Tests.Filters;

/// <summary>Beyond Orchard: filters and sort keys on content fields, and total counts, on the One Digital model.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public class FieldFilterTests(TestDatabase database)
{
    private GraphQLTestSite _site = null!;
    private string _learners = "", _champions = "";

    [OneTimeSetUp]
    public async Task CreateEvents()
    {
        _site = await GraphQLTestSite.OneDigitalAsync(database: database);
        var topics = (await _site.DataAsync("""{ taxonomy(where: { displayText: "Topics" }) { taxonomyPart { contentItems { contentItemId displayText } } } }"""))
            ["taxonomy"]![0]!["taxonomyPart"]!["contentItems"]!.AsArray();
        _learners = topics.Single(t => t!["displayText"]!.GetValue<string>() == "Working with learners")!["contentItemId"]!.GetValue<string>();
        _champions = topics.Single(t => t!["displayText"]!.GetValue<string>() == "Working with Digital Champions")!["contentItemId"]!.GetValue<string>();
        await Event("Spring workshop", "2026-03-10T10:00:00Z", online: true, venue: "Cardiff", _learners);
        await Event("Summer learning set", "2026-06-20T10:00:00Z", online: false, venue: "Glasgow", _champions);
        await Event("Autumn conference", "2026-10-05T09:00:00Z", online: false, venue: "Belfast", _learners, _champions);
        await Event("Last year's event", "2025-11-01T09:00:00Z", online: true, venue: "London");
        await _site.CreateAsync("CaseStudy", i => { i.DisplayText = "Small"; i.GetOrCreatePart("CaseStudy")["PeopleSupported"] = new JsonObject { ["Value"] = 40 }; });
        await _site.CreateAsync("CaseStudy", i => { i.DisplayText = "Large"; i.GetOrCreatePart("CaseStudy")["PeopleSupported"] = new JsonObject { ["Value"] = 1200 }; });
        await _site.CreateAsync("CaseStudy", i => { i.DisplayText = "Medium"; i.GetOrCreatePart("CaseStudy")["PeopleSupported"] = new JsonObject { ["Value"] = 301 }; });
    }

    private Task Event(string title, string startsAt, bool online, string venue, params string[] topics) =>
        _site.CreateAsync("Event", i =>
        {
            i.DisplayText = title;
            i.GetOrCreatePart("TitlePart")["Title"] = title;
            var part = i.GetOrCreatePart("Event");
            part["StartsAt"] = new JsonObject { ["Value"] = startsAt };
            part["Online"] = new JsonObject { ["Value"] = online };
            part["Venue"] = new JsonObject { ["Text"] = venue };
            part["Topics"] = new JsonObject { ["TermContentItemIds"] = new JsonArray([.. topics.Select(t => (JsonNode)t)]) };
        });

    [OneTimeTearDown]
    public async Task Dispose()
    {
        if (_site is not null) await _site.DisposeAsync();
    }

    private async Task<string[]> Titles(string field, string arguments)
    {
        var data = await _site.DataAsync($"{{ {field}({arguments}) {{ displayText }} }}");
        return [.. data[field]!.AsArray().Select(i => i!["displayText"]!.GetValue<string>())];
    }

    [Test]
    public async Task Events_after_a_date_in_date_order()
    {
        var titles = await Titles("event", """where: { event: { startsAt_gt: "2026-01-01" } }, orderBy: { event: { startsAt: ASC } }""");
        Assert.That(titles, Is.EqualTo(new[] { "Spring workshop", "Summer learning set", "Autumn conference" }));
    }

    [Test]
    public async Task Events_sorted_by_date_descending()
    {
        var titles = await Titles("event", "orderBy: { event: { startsAt: DESC } }");
        Assert.That(titles, Is.EqualTo(new[] { "Autumn conference", "Summer learning set", "Spring workshop", "Last year's event" }));
    }

    [Test]
    public async Task Events_with_a_topic_and_without_it()
    {
        var with = await Titles("event", $$"""where: { event: { topics: "{{_learners}}" } }, orderBy: { displayText: ASC }""");
        var without = await Titles("event", $$"""where: { event: { topics_not: "{{_learners}}" } }, orderBy: { displayText: ASC }""");
        var either = await Titles("event", $$"""where: { event: { topics_in: ["{{_learners}}", "{{_champions}}"] } }, orderBy: { displayText: ASC }""");
        Assert.Multiple(() =>
        {
            Assert.That(with, Is.EqualTo(new[] { "Autumn conference", "Spring workshop" }));
            Assert.That(without, Is.EqualTo(new[] { "Last year's event", "Summer learning set" }));
            Assert.That(either, Is.EqualTo(new[] { "Autumn conference", "Spring workshop", "Summer learning set" }));
        });
    }

    [Test]
    public async Task Boolean_and_text_field_filters()
    {
        var online = await Titles("event", "where: { event: { online: true } }, orderBy: { displayText: ASC }");
        var venue = await Titles("event", """where: { event: { venue_starts_with: "gla" } }""");
        Assert.Multiple(() =>
        {
            Assert.That(online, Is.EqualTo(new[] { "Last year's event", "Spring workshop" }));
            Assert.That(venue, Is.EqualTo(new[] { "Summer learning set" }));
        });
    }

    [Test]
    public async Task Numeric_field_comparisons_and_sorting()
    {
        var big = await Titles("caseStudy", "where: { caseStudy: { peopleSupported_gte: 300.5 } }, orderBy: { caseStudy: { peopleSupported: DESC } }");
        Assert.That(big, Is.EqualTo(new[] { "Large", "Medium" }));
    }

    [Test]
    public async Task Field_filters_combine_with_OR_and_item_filters()
    {
        var titles = await Titles("event", """where: { OR: [{ event: { venue: "Cardiff" } }, { displayText_contains: "CONFERENCE" }] }, orderBy: { displayText: ASC }""");
        Assert.That(titles, Is.EqualTo(new[] { "Autumn conference", "Spring workshop" }));
    }

    [Test]
    public async Task The_connection_counts_every_match_whatever_the_page()
    {
        var data = await _site.DataAsync("""
            { eventConnection(where: { event: { startsAt_gt: "2026" } }, orderBy: { event: { startsAt: ASC } }, first: 2, skip: 1) {
                totalCount items { displayText } } }
            """);
        Assert.Multiple(() =>
        {
            Assert.That(data["eventConnection"]!["totalCount"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(data["eventConnection"]!["items"]!.AsArray().Select(i => i!["displayText"]!.GetValue<string>()),
                Is.EqualTo(new[] { "Summer learning set", "Autumn conference" }));
        });
    }

    [Test]
    public async Task Taxonomy_fields_resolve_their_terms()
    {
        var data = await _site.DataAsync("""{ event(where: { displayText: "Autumn conference" }) { topics { termContentItemIds termContentItems { displayText } taxonomyContentItem { displayText } } } }""");
        var topics = data["event"]![0]!["topics"]!;
        Assert.Multiple(() =>
        {
            Assert.That(topics["termContentItems"]!.AsArray().Select(t => t!["displayText"]!.GetValue<string>()),
                Is.EqualTo(new[] { "Working with learners", "Working with Digital Champions" }));
            Assert.That(topics["taxonomyContentItem"]!["displayText"]!.GetValue<string>(), Is.EqualTo("Topics"));
        });
    }
}
