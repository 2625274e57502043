using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Definitions;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Definitions;

public class ContentDefinitionChangeTests
{
    [Test]
    public async Task Types_parts_and_fields_can_be_created_altered_and_deleted_and_each_change_is_a_new_version()
    {
        await using var store = await TestStore.CreateAsync();
        await using var scope = store.Scope();
        var definitions = scope.ServiceProvider.GetRequiredService<ContentDefinitionStore>();

        await definitions.AlterTypeAsync("Event", t =>
        {
            t.DisplayName = "Event";
            t.Parts.Add(new ContentTypePartDefinition { PartName = "TitlePart", Name = "TitlePart" });
            t.Parts.Add(new ContentTypePartDefinition { PartName = "Event", Name = "Event" });
        });
        await definitions.AlterFieldAsync("Event", "StartsAt", "DateTimeField", f => SettingsReader.Write(f.Settings, new DateTimeFieldSettings { Required = true }));
        await definitions.AlterFieldAsync("Event", "Venue", "TextField");
        var afterAdding = (await definitions.GetAsync()).Version;

        await definitions.RemoveFieldAsync("Event", "Venue");
        await definitions.RemovePartFromTypeAsync("Event", "TitlePart");
        var doc = await definitions.GetAsync();
        Assert.Multiple(() =>
        {
            Assert.That(afterAdding, Is.EqualTo(3));
            Assert.That(doc.Version, Is.EqualTo(5));
            Assert.That(doc.Part("Event")!.Fields.Select(f => f.Name), Is.EqualTo(new[] { "StartsAt" }));
            Assert.That(doc.Part("Event")!.Field("StartsAt")!.GetSettings<DateTimeFieldSettings>().Required, Is.True);
            Assert.That(doc.Type("Event")!.Parts.Select(p => p.Name), Is.EqualTo(new[] { "Event" }));
        });

        await definitions.DeletePartAsync("Event");
        await definitions.DeleteTypeAsync("Event");
        definitions.Reset();
        doc = await definitions.GetAsync();
        Assert.That(doc.ContentTypes, Is.Empty);
        Assert.That(doc.ContentParts, Is.Empty);
    }

    [Test]
    public async Task An_unknown_field_kind_is_refused_and_the_definitions_stay_as_they_were()
    {
        await using var store = await TestStore.CreateAsync();
        await using var scope = store.Scope();
        var definitions = scope.ServiceProvider.GetRequiredService<ContentDefinitionStore>();
        await definitions.AlterFieldAsync("Event", "Venue", "TextField");

        var error = Assert.ThrowsAsync<ContentDefinitionException>(() => definitions.AlterFieldAsync("Event", "Where", "GeoField"));

        Assert.That(error!.Message, Does.Contain("Event.Where").And.Contain("unknown field type 'GeoField'"));
        Assert.That((await definitions.GetAsync()).Part("Event")!.Fields.Select(f => f.Name), Is.EqualTo(new[] { "Venue" }));
    }
}
