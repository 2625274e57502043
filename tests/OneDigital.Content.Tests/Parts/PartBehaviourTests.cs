using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Items;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Parts;

/// <summary>Built-in part behaviour: titles, routes from Liquid patterns, list order, field validation.</summary>
public class PartBehaviourTests
{
    private const string Model = """
        { "name": "Model", "steps": [ { "name": "ContentDefinition",
          "ContentTypes": [
            { "Name": "Series", "Settings": { "ContentTypeSettings": { "Draftable": true } },
              "ContentTypePartDefinitionRecords": [
                { "PartName": "TitlePart", "Name": "TitlePart" },
                { "PartName": "AutoroutePart", "Name": "AutoroutePart", "Settings": { "AutoroutePartSettings": { "Pattern": "{{ Model.ContentItem | display_text | slugify }}", "AllowCustomPath": true } } },
                { "PartName": "ListPart", "Name": "ListPart" } ] },
            { "Name": "Report", "Settings": { "ContentTypeSettings": { "Draftable": true } },
              "ContentTypePartDefinitionRecords": [
                { "PartName": "TitlePart", "Name": "TitlePart", "Settings": { "TitlePartSettings": { "Options": 3 } } },
                { "PartName": "AutoroutePart", "Name": "AutoroutePart", "Settings": { "AutoroutePartSettings": { "Pattern": "{{ Model.ContentItem | container | display_text | slugify }}/{{ Model.ContentItem | display_text | slugify }}" } } },
                { "PartName": "ContainedPart", "Name": "ContainedPart" },
                { "PartName": "Report", "Name": "Report" } ] } ],
          "ContentParts": [ { "Name": "Report", "ContentPartFieldDefinitionRecords": [
            { "FieldName": "NumericField", "Name": "PartNumber", "Settings": { "NumericFieldSettings": { "Required": true, "Minimum": 1, "Maximum": 4 } } },
            { "FieldName": "LinkField", "Name": "Download" },
            { "FieldName": "MediaField", "Name": "File", "Settings": { "MediaFieldSettings": { "Multiple": false, "AllowedExtensions": [ ".pdf" ] } } },
            { "FieldName": "TaxonomyField", "Name": "Topics", "Settings": { "TaxonomyFieldSettings": { "Unique": true } } } ] } ] } ] }
        """;

    private TestStore _store = null!;
    private AsyncServiceScope _scope;
    private ContentManager _manager = null!;

    [SetUp]
    public async Task SetUp()
    {
        _store = await TestStore.CreateAsync();
        await _store.ImportAsync(Model);
        _scope = _store.Scope();
        _manager = _scope.ServiceProvider.GetRequiredService<ContentManager>();
    }

    [TearDown]
    public async Task TearDown()
    {
        await _scope.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Test]
    public async Task The_title_becomes_the_display_text_and_the_route_comes_from_the_pattern()
    {
        var series = await NewSeriesAsync("Year-one Learning: Café & Practice");
        Assert.Multiple(() =>
        {
            Assert.That(series.DisplayText, Is.EqualTo("Year-one Learning: Café & Practice"));
            Assert.That(Path(series), Is.EqualTo("year-one-learning-cafe-practice"));
        });
    }

    [Test]
    public async Task A_contained_item_routes_under_its_container_and_goes_to_the_end_of_the_list()
    {
        var series = await NewSeriesAsync("Learning report");
        var first = await NewReportAsync(series, "Working with learners", 1);
        var second = await NewReportAsync(series, "Working with Digital Champions", 2);
        Assert.Multiple(() =>
        {
            Assert.That(Path(first), Is.EqualTo("learning-report/working-with-learners"));
            Assert.That(first.Part("ContainedPart")!["Order"]!.GetValue<int>(), Is.Zero);
            Assert.That(second.Part("ContainedPart")!["Order"]!.GetValue<int>(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_generated_path_that_is_taken_gets_a_suffix_but_a_chosen_one_is_refused()
    {
        var first = await NewSeriesAsync("Events");
        var second = await NewSeriesAsync("Events");
        Assert.That(Path(second), Is.EqualTo("events-2"));

        var third = await _manager.NewAsync("Series");
        third.GetOrCreatePart("TitlePart")["Title"] = "Something else";
        third.GetOrCreatePart("AutoroutePart")["Path"] = Path(first);
        var error = Assert.ThrowsAsync<ContentValidationException>(() => _manager.CreateAsync(third, publish: true));
        Assert.That(error!.Message, Does.Contain("AutoroutePart.Path").And.Contain("'events' is already used"));
    }

    [Test]
    public async Task Fields_are_checked_against_their_settings_with_messages_naming_part_and_field()
    {
        var report = await _manager.NewAsync("Report");
        var part = report.GetOrCreatePart("Report");
        part["PartNumber"] = new System.Text.Json.Nodes.JsonObject { ["Value"] = 7 };
        part["Download"] = new System.Text.Json.Nodes.JsonObject { ["Url"] = "javascript:alert(1)" };
        part["File"] = new System.Text.Json.Nodes.JsonObject { ["Paths"] = new System.Text.Json.Nodes.JsonArray("a.pdf", "b.docx") };
        part["Topics"] = new System.Text.Json.Nodes.JsonObject { ["TermContentItemIds"] = new System.Text.Json.Nodes.JsonArray("t1", "t2") };

        var error = Assert.ThrowsAsync<ContentValidationException>(() => _manager.CreateAsync(report, publish: true));

        Assert.That(error!.Errors.Select(e => e.ToString()), Is.EquivalentTo(new[]
        {
            "TitlePart.Title: A value is required for Title.",
            "Report.PartNumber: The value must be at most 4.",
            "Report.Download: 'javascript:alert(1)' is not a valid link.",
            "Report.File: Only one media file is allowed.",
            "Report.File: 'b.docx' is not one of the allowed file types (.pdf).",
            "Report.Topics: Only one term can be chosen.",
        }));
        Assert.That(await _manager.GetAsync(report.ContentItemId, VersionOptions.Latest), Is.Null, "nothing was written");
    }

    [Test]
    public async Task A_clone_is_a_new_draft_with_a_route_of_its_own()
    {
        var series = await NewSeriesAsync("Case studies");
        var clone = await _manager.CloneAsync(series);
        Assert.Multiple(() =>
        {
            Assert.That(clone.ContentItemId, Is.Not.EqualTo(series.ContentItemId));
            Assert.That(clone.Published, Is.False);
            Assert.That(clone.DisplayText, Is.EqualTo("Case studies"));
            Assert.That(Path(clone), Is.Not.EqualTo(Path(series)));
        });
    }

    private async Task<ContentItem> NewSeriesAsync(string title)
    {
        var series = await _manager.NewAsync("Series");
        series.GetOrCreatePart("TitlePart")["Title"] = title;
        await _manager.CreateAsync(series, publish: true);
        return series;
    }

    private async Task<ContentItem> NewReportAsync(ContentItem series, string title, int number)
    {
        var report = await _manager.NewAsync("Report");
        report.GetOrCreatePart("TitlePart")["Title"] = title;
        report.GetOrCreatePart("ContainedPart")["ListContentItemId"] = series.ContentItemId;
        report.GetOrCreatePart("Report")["PartNumber"] = new System.Text.Json.Nodes.JsonObject { ["Value"] = number };
        await _manager.CreateAsync(report, publish: true);
        return report;
    }

    private static string? Path(ContentItem item) => item.Part("AutoroutePart")?["Path"]?.GetValue<string>();
}
