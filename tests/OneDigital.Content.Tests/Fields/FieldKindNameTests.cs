using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Definitions;
using OneDigital.Content.Fields;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Fields;

/// <summary>The field kinds are one closed set: Orchard's names map to it both ways, and recipes and definitions accept exactly it.</summary>
public class FieldKindNameTests
{
    private static readonly string[] OrchardNames =
    [
        "TextField", "HtmlField", "MarkdownField", "NumericField", "BooleanField", "DateField", "DateTimeField",
        "TimeField", "LinkField", "MediaField", "ContentPickerField", "TaxonomyField", "UserPickerField",
        "MultiTextField", "YoutubeField", "LocalizationSetContentPickerField",
    ];

    [Test]
    public void Every_kind_round_trips_through_its_Orchard_name_and_the_names_are_Orchards()
    {
        Assert.Multiple(() =>
        {
            foreach (var kind in FieldKinds.All)
            {
                Assert.That(FieldKinds.Find(kind.Name()), Is.EqualTo(kind), kind.ToString());
            }
            Assert.That(FieldKinds.All.Select(k => k.Name()), Is.EquivalentTo(OrchardNames));
            Assert.That(FieldKinds.KnownNames, Is.EquivalentTo(OrchardNames));
        });
    }

    [TestCase("GeoField")]
    [TestCase("textfield")]
    [TestCase("Text")]
    [TestCase("")]
    [TestCase(null)]
    public void A_name_Orchard_does_not_use_for_a_kind_finds_none(string? name) =>
        Assert.That(FieldKinds.Find(name), Is.Null);

    [Test]
    public void A_definition_knows_its_kind_from_its_name_and_keeps_the_name_it_was_given()
    {
        var field = new ContentPartFieldDefinition { Name = "Starts", FieldName = "DateTimeField" };
        var unknown = new ContentPartFieldDefinition { Name = "Where", FieldName = "GeoField" };
        var json = System.Text.Json.JsonSerializer.SerializeToNode(field)!.AsObject();

        Assert.Multiple(() =>
        {
            Assert.That(field.Kind, Is.EqualTo(FieldKind.DateTime));
            Assert.That(unknown.Kind, Is.Null);
            Assert.That(unknown.FieldName, Is.EqualTo("GeoField"));
            Assert.That(json.ContainsKey("Kind"), Is.False, "the kind is not stored beside Orchard's FieldName");
        });
    }

    [Test]
    public async Task A_ContentDefinition_recipe_and_the_definition_store_accept_every_kind()
    {
        await using var store = await TestStore.CreateAsync();
        var fields = new JsonArray([.. OrchardNames.Select(n => (JsonNode)new JsonObject { ["FieldName"] = n, ["Name"] = "A" + n })]);
        await store.ImportAsync($$"""
            { "steps": [ { "name": "ContentDefinition", "ContentParts": [ { "Name": "Everything", "ContentPartFieldDefinitionRecords": {{fields.ToJsonString()}} } ] } ] }
            """);
        await using var scope = store.Scope();
        var definitions = scope.ServiceProvider.GetRequiredService<ContentDefinitionStore>();
        foreach (var name in OrchardNames) await definitions.AlterFieldAsync("Direct", "A" + name, name);
        definitions.Reset();
        var doc = await definitions.GetAsync();

        foreach (var part in new[] { "Everything", "Direct" })
        {
            Assert.That(doc.Part(part)!.Fields.Select(f => (f.FieldName, f.Kind)),
                Is.EquivalentTo(FieldKinds.All.Select(k => (k.Name(), (FieldKind?)k))), part);
        }
    }
}
