using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Definitions;
using OneDigital.Content.Items;
using OneDigital.Content.Tests.Support;

namespace OneDigital.Content.Tests.Items;

public class ContentManagerTests
{
    [Test]
    public async Task A_draft_over_a_published_item_leaves_the_published_version_served()
    {
        await using var store = await TestStore.CreateAsync();
        await using var scope = store.Scope();
        var definitions = scope.ServiceProvider.GetRequiredService<ContentDefinitionStore>();
        await definitions.AlterTypeAsync("Page", t =>
        {
            SettingsReader.Write(t.Settings, new ContentTypeSettings { Draftable = true, Versionable = true });
            t.Parts.Add(new ContentTypePartDefinition { PartName = "TitlePart", Name = "TitlePart" });
        });
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();

        var page = await manager.NewAsync("Page");
        page.GetOrCreatePart("TitlePart")["Title"] = "About";
        await manager.CreateAsync(page, publish: true);

        var draft = await manager.GetAsync(page.ContentItemId, VersionOptions.DraftRequired);
        draft!.GetOrCreatePart("TitlePart")["Title"] = "About us";
        await manager.UpdateAsync(draft);

        var published = await manager.GetAsync(page.ContentItemId);
        var latest = await manager.GetAsync(page.ContentItemId, VersionOptions.Latest);
        Assert.Multiple(() =>
        {
            Assert.That(published!.DisplayText, Is.EqualTo("About"));
            Assert.That(published.Latest, Is.False);
            Assert.That(latest!.DisplayText, Is.EqualTo("About us"));
            Assert.That(latest.Published, Is.False);
        });

        await manager.PublishAsync(latest!);
        var versions = await manager.GetVersionsAsync(page.ContentItemId);
        Assert.That(versions.Select(v => (v.DisplayText, v.Latest, v.Published)),
            Is.EqualTo(new[] { ("About", false, false), ("About us", true, true) }));
    }
}
