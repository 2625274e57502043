using System.Text.Json.Nodes;

namespace OneDigital.Content.Definitions;

/// <summary>
/// Content types that Orchard features define in code when they are enabled (the Taxonomies feature brings the
/// Taxonomy type, Menu brings Menu and its menu items). Recipes rely on them without defining them.
/// </summary>
public static class FeatureContentTypes
{
    public static IEnumerable<ContentTypeDefinition> For(string featureId) => featureId.ToLowerInvariant() switch
    {
        "orchardcore.taxonomies" => [Taxonomy()],
        "orchardcore.menu" => [Menu(), MenuItem("LinkMenuItem", "Link Menu Item", "LinkMenuItemPart"), MenuItem("ContentMenuItem", "Content Menu Item", "ContentMenuItemPart"), MenuItem("HtmlMenuItem", "Html Menu Item", "HtmlMenuItemPart")],
        _ => [],
    };

    private static ContentTypeDefinition Taxonomy() => new()
    {
        Name = "Taxonomy",
        DisplayName = "Taxonomy",
        Settings = TypeSettings(new ContentTypeSettings { Creatable = true, Listable = true, Draftable = true, Versionable = true }),
        Parts =
        [
            Part("TitlePart", 0),
            Part("AliasPart", 1),
            Part("AutoroutePart", 2, new JsonObject
            {
                ["AutoroutePartSettings"] = new JsonObject
                {
                    ["AllowCustomPath"] = true,
                    ["Pattern"] = "{{ Model.ContentItem | display_text | slugify }}",
                    ["AllowRouteContainedItems"] = true,
                },
            }),
            Part("TaxonomyPart", 3),
        ],
    };

    private static ContentTypeDefinition Menu() => new()
    {
        Name = "Menu",
        DisplayName = "Menu",
        Settings = TypeSettings(new ContentTypeSettings()),
        Parts = [Part("TitlePart", 0), Part("AliasPart", 1), Part("MenuPart", 2), Part("MenuItemsListPart", 3)],
    };

    private static ContentTypeDefinition MenuItem(string name, string displayName, string part) => new()
    {
        Name = name,
        DisplayName = displayName,
        Settings = TypeSettings(new ContentTypeSettings { Stereotype = "MenuItem" }),
        Parts = [Part(part, 0)],
    };

    private static JsonObject TypeSettings(ContentTypeSettings settings)
    {
        var bag = new JsonObject();
        SettingsReader.Write(bag, settings);
        return bag;
    }

    private static ContentTypePartDefinition Part(string name, int position, JsonObject? settings = null)
    {
        settings ??= [];
        settings["ContentTypePartSettings"] = new JsonObject { ["Position"] = position.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return new ContentTypePartDefinition { PartName = name, Name = name, Settings = settings };
    }
}
