// Why: the picker and tag tests need a type with each kind of picker and both Tags settings (the setup recipe has
// none with the Tags editor), and a required field to show that a refused save writes no new tag.
using System.Text.Json.Nodes;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Definitions;

namespace OneDigital.Admin.Tests.Editing;

internal static class PickerSite
{
    /// <summary>
    /// Reading (Creatable): Related (pages, several), Main (one page), People (any users, several), Editors (one
    /// member of the Editor role), Tags (Topics, open) and FixedTags (Topics, closed), Note (a required text).
    /// </summary>
    public static async Task<string> DefineAsync(AdminSite site)
    {
        var topics = await site.TaxonomyAsync("Topics");
        await site.AlterDefinitionsAsync(async store =>
        {
            await Field(store, "Related", "ContentPickerField", new() { ["ContentPickerFieldSettings"] = new JsonObject { ["Multiple"] = true, ["DisplayedContentTypes"] = new JsonArray("Page") } });
            await Field(store, "Main", "ContentPickerField", new() { ["ContentPickerFieldSettings"] = new JsonObject { ["DisplayedContentTypes"] = new JsonArray("Page") } });
            await Field(store, "People", "UserPickerField", new() { ["UserPickerFieldSettings"] = new JsonObject { ["Multiple"] = true } });
            await Field(store, "Editors", "UserPickerField", new() { ["UserPickerFieldSettings"] = new JsonObject { ["DisplayAllUsers"] = false, ["DisplayedRoles"] = new JsonArray("Editor") } });
            await Field(store, "Tags", "TaxonomyField", new() { ["TaxonomyFieldSettings"] = new JsonObject { ["TaxonomyContentItemId"] = topics.Id } }, editor: "Tags");
            await Field(store, "FixedTags", "TaxonomyField", new()
            {
                ["TaxonomyFieldSettings"] = new JsonObject { ["TaxonomyContentItemId"] = topics.Id },
                ["TaxonomyFieldTagsEditorSettings"] = new JsonObject { ["Open"] = false },
            }, editor: "Tags");
            await Field(store, "Note", "TextField", new() { ["TextFieldSettings"] = new JsonObject { ["Required"] = true } });
            await store.AlterTypeAsync("Reading", type =>
            {
                SettingsReader.Write(type.Settings, new ContentTypeSettings { Creatable = true, Draftable = true, Versionable = true, Listable = true });
                type.Parts.Add(new ContentTypePartDefinition { PartName = "TitlePart", Name = "TitlePart" });
                type.Parts.Add(new ContentTypePartDefinition { PartName = "Reading", Name = "Reading" });
            });
        });
        return topics.Id;
    }

    private static Task Field(ContentDefinitionStore store, string name, string kind, JsonObject settings, string? editor = null) =>
        store.AlterFieldAsync("Reading", name, kind, field =>
        {
            SettingsReader.Write(field.Settings, new ContentPartFieldSettings { DisplayName = name, Editor = editor });
            foreach (var (key, value) in settings) field.Settings[key] = value?.DeepClone();
        });
}
