using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Definitions;
using OneDigital.Content.Settings;

namespace OneDigital.Admin.Tests.Editing;

/// <summary>The edit page of a localized item (culture select, set, translations, "Add a translation") in a browser: axe-core finds nothing.</summary>
public sealed class LocalizationBrowserTests : BrowserTest
{
    [Test]
    public async Task The_edit_page_of_a_translated_item_has_no_axe_violations()
    {
        await Site.AlterDefinitionsAsync(store => store.AlterTypeAsync("LocalizedNote", type =>
        {
            SettingsReader.Write(type.Settings, new ContentTypeSettings { Creatable = true, Draftable = true });
            type.Parts.Add(new ContentTypePartDefinition { PartName = "TitlePart", Name = "TitlePart" });
            type.Parts.Add(new ContentTypePartDefinition { PartName = "LocalizationPart", Name = "LocalizationPart" });
        }));
        await using (var scope = Site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SiteSettingsStore>().MergeAsync(
            [
                new(SiteCultures.SectionName, new JsonObject { ["DefaultCulture"] = "en-GB", ["SupportedCultures"] = new JsonArray("en-GB", "cy-GB", "fr-FR") }),
            ]);
        }
        var id = await Site.CreateAsync("LocalizedNote", i => i.GetOrCreatePart("TitlePart")["Title"] = "Open data note");
        await SignInAsync();
        await Page.GotoAsync($"/admin/content/{id}/edit");

        await Page.GetByLabel("Culture of the translation").SelectOptionAsync("cy-GB");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add a translation" }).ClickAsync();

        await Assertions.Expect(Page.GetByLabel("Culture", new() { Exact = true })).ToHaveValueAsync("cy-GB");
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Open data note" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(Page);
    }
}
