using System.Text.Json.Nodes;
using OneDigital.Content.Items;
using OneDigital.Content.Settings;
using OneDigital.Content.Store;

namespace OneDigital.Content.Parts.Localization;

/// <summary>
/// LocalizationPart as Orchard keeps it: the item's Culture (the site's default when none is given) must be one of the
/// site's supported cultures when the settings name any; an item without a LocalizationSet starts a set of its own.
/// An import keeps the part as the recipe gives it (so export gives it back), checking only the culture.
/// </summary>
public sealed class LocalizationPartHandler(SiteSettingsStore settings) : IContentPartHandler
{
    public async Task SavingAsync(ContentSaveContext context)
    {
        var typePart = context.Type.Parts.Find(p => p.PartName == "LocalizationPart");
        if (typePart is null)
        {
            return;
        }
        var part = context.Importing ? context.Item.Part(typePart.Name) : context.Item.GetOrCreatePart(typePart.Name);
        if (part is null)
        {
            return;
        }
        var cultures = SiteCultures.From(await settings.GetAsync());
        if (!context.Importing && JsonValues.NonEmptyString(part["LocalizationSet"]) is null)
        {
            part["LocalizationSet"] = IdGenerator.NewId();
        }
        var culture = JsonValues.NonEmptyString(part["Culture"])?.Trim();
        if (culture is null)
        {
            if (!context.Importing && cultures.DefaultCulture is { } defaultCulture) part["Culture"] = defaultCulture;
            return;
        }
        if (!cultures.Allows(culture))
        {
            context.AddError(typePart.Name, "Culture",
                $"The culture '{culture}' is not one of the site's supported cultures ({string.Join(", ", cultures.SupportedCultures)}).");
        }
    }
}
