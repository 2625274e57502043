using OneDigital.GraphQL.Tests.Support;
using OneDigital.Testing;

namespace OneDigital.GraphQL.Tests.Orchard;

/// <summary>Items of a type no definition names, and fields of a kind this CMS does not know, stay out of GraphQL without breaking it.</summary>
public class UnknownNamesQueryTests
{
    [Test]
    public async Task An_item_of_an_undefined_type_is_left_out_of_lists_pickers_and_lookups_and_an_unknown_field_kind_is_absent()
    {
        await using var site = await GraphQLTestSite.CreateAsync();
        await site.Store.ImportAsync("""
            { "name": "Module", "steps": [
              { "name": "ContentDefinition",
                "ContentTypes": [ { "Name": "Page", "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" }, { "PartName": "Page", "Name": "Page" } ] } ],
                "ContentParts": [ { "Name": "Page", "ContentPartFieldDefinitionRecords": [
                  { "FieldName": "ContentPickerField", "Name": "Related", "Settings": { "ContentPickerFieldSettings": { "Multiple": true } } },
                  { "FieldName": "GeoPointField", "Name": "Where" } ] } ] },
              { "name": "content", "Data": [
                { "ContentItemId": "poll1", "ContentType": "Poll", "DisplayText": "A poll", "Latest": true, "Published": true, "PollPart": { "Question": "?" } },
                { "ContentItemId": "page2", "ContentType": "Page", "DisplayText": "Second", "Latest": true, "Published": true, "TitlePart": { "Title": "Second" } },
                { "ContentItemId": "page1", "ContentType": "Page", "DisplayText": "First", "Latest": true, "Published": true, "TitlePart": { "Title": "First" },
                  "Page": { "Related": { "ContentItemIds": [ "poll1", "page2" ] }, "Where": { "Latitude": 51.5 } } } ] } ] }
            """);

        var response = await site.ExecuteAsync("""
            { page(orderBy: { displayText: ASC }) { displayText related { contentItemIds contentItems { contentItemId } } }
              poll: contentItem(contentItemId: "poll1") { contentItemId }
              __type(name: "Page") { fields { name } } }
            """, GraphQLTestSite.Administrator);

        Assert.That(response["errors"], Is.Null, response.ToJsonString());
        var data = response["data"]!;
        var first = data["page"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(first["displayText"]!.GetValue<string>(), Is.EqualTo("First"));
            Assert.That(first["related"]!["contentItemIds"]!.AsArray().Select(i => i!.GetValue<string>()), Is.EqualTo(new[] { "poll1", "page2" }));
            Assert.That(first["related"]!["contentItems"]!.AsArray().Select(i => i!["contentItemId"]!.GetValue<string>()), Is.EqualTo(new[] { "page2" }));
            Assert.That(data["poll"], Is.Null);
            Assert.That(data["__type"]!["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()), Does.Contain("related").And.Not.Contain("where"));
        });
    }
}
