// Why: the diff is what an editor reads to decide whether to restore; it must name fields as they know them and
// leave out what only records a version.
using System.Text.Json.Nodes;
using OneDigital.Content.Items;
using OneDigital.Content.Versions;

namespace OneDigital.Content.Tests.Versions;

public class VersionDiffTests
{
    private static ContentItem Article(Action<JsonObject>? change = null)
    {
        var data = JsonNode.Parse("""
            {
              "ContentItemId": "a1", "ContentItemVersionId": "v1", "ContentType": "Article", "DisplayText": "Spring",
              "Latest": true, "Published": true, "ModifiedUtc": "2026-01-01T00:00:00Z", "PublishedUtc": "2026-01-01T00:00:00Z",
              "CreatedUtc": "2026-01-01T00:00:00Z", "Owner": "u1", "Author": "alice",
              "TitlePart": { "Title": "Spring" },
              "Article": {
                "Subtitle": { "Text": "Early" },
                "Body": { "Markdown": "# Hello" },
                "Rating": { "Value": 3 },
                "Related": { "ContentItemIds": [ "x", "y" ] },
                "Tags": { "TaxonomyContentItemId": "t", "TermContentItemIds": [ "t1" ] }
              },
              "Sections": { "ContentItems": [
                { "ContentItemId": "b1", "ContentItemVersionId": "bv1", "ContentType": "Paragraph", "Paragraph": { "Content": { "Text": "One" } } },
                { "ContentItemId": "b2", "ContentItemVersionId": "bv2", "ContentType": "Paragraph", "Paragraph": { "Content": { "Text": "Two" } } }
              ] }
            }
            """)!.AsObject();
        change?.Invoke(data);
        return new ContentItem(data);
    }

    [Test]
    public void Versions_that_differ_only_in_bookkeeping_have_no_differences()
    {
        var newer = Article(d =>
        {
            d["ContentItemVersionId"] = "v2";
            d["Latest"] = false;
            d["Published"] = false;
            d["ModifiedUtc"] = "2026-02-02T00:00:00Z";
            d["Author"] = "bob";
            d["Sections"]!["ContentItems"]![0]!["ContentItemVersionId"] = "bv9";
        });

        Assert.That(VersionDiff.Compare(Article(), newer), Is.Empty);
    }

    [Test]
    public void Changed_text_markdown_numeric_picker_and_taxonomy_fields_are_named_by_part_field_and_property()
    {
        var newer = Article(d =>
        {
            var article = d["Article"]!;
            article["Subtitle"]!["Text"] = "Late";
            article["Body"]!["Markdown"] = "# Goodbye";
            article["Rating"]!["Value"] = 5;
            article["Related"]!["ContentItemIds"] = new JsonArray("y", "z");
            article["Tags"]!["TermContentItemIds"] = new JsonArray("t1", "t2");
        });

        Assert.That(VersionDiff.Compare(Article(), newer), Is.EqualTo(new[]
        {
            new VersionChange("Article › Subtitle › Text", VersionChangeKind.Changed, "Early", "Late"),
            new VersionChange("Article › Body › Markdown", VersionChangeKind.Changed, "# Hello", "# Goodbye"),
            new VersionChange("Article › Rating › Value", VersionChangeKind.Changed, "3", "5"),
            new VersionChange("Article › Related › ContentItemIds", VersionChangeKind.Changed, "x, y", "y, z"),
            new VersionChange("Article › Tags › TermContentItemIds", VersionChangeKind.Changed, "t1", "t1, t2"),
        }));
    }

    [Test]
    public void Display_text_and_added_or_removed_fields_are_reported()
    {
        var newer = Article(d =>
        {
            d["DisplayText"] = "Summer";
            d["TitlePart"]!["Title"] = "Summer";
            d["Article"]!.AsObject().Remove("Rating");
            d["Article"]!["Link"] = new JsonObject { ["Url"] = "https://example.org" };
        });

        Assert.That(VersionDiff.Compare(Article(), newer), Is.EqualTo(new[]
        {
            new VersionChange("DisplayText", VersionChangeKind.Changed, "Spring", "Summer"),
            new VersionChange("TitlePart › Title", VersionChangeKind.Changed, "Spring", "Summer"),
            new VersionChange("Article › Rating › Value", VersionChangeKind.Removed, "3", null),
            new VersionChange("Article › Link › Url", VersionChangeKind.Added, null, "https://example.org"),
        }));
    }

    [Test]
    public void Bag_items_are_compared_by_position_with_their_type_in_the_path()
    {
        var newer = Article(d =>
        {
            var items = d["Sections"]!["ContentItems"]!.AsArray();
            items[1]!["Paragraph"]!["Content"]!["Text"] = "Deux";
            items.Add(new JsonObject { ["ContentItemId"] = "b3", ["ContentType"] = "Quote", ["Quote"] = new JsonObject { ["By"] = new JsonObject { ["Text"] = "Ann" } } });
        });

        Assert.That(VersionDiff.Compare(Article(), newer), Is.EqualTo(new[]
        {
            new VersionChange("Sections › #2 Paragraph › Paragraph › Content › Text", VersionChangeKind.Changed, "Two", "Deux"),
            new VersionChange("Sections › #3 Quote › Quote › By › Text", VersionChangeKind.Added, null, "Ann"),
        }));
    }
}
