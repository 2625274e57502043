// Why: a type may be given only parts this CMS knows how to edit, validate, index and show in GraphQL: Orchard's
// built-in parts that have an editor here, and part definitions marked Attachable (fields shared by several types).
using OneDigital.Content.Definitions;

namespace OneDigital.Admin.ContentTypes;

public sealed record KnownPart(string Name, string DisplayName, string Description);

public static class KnownParts
{
    /// <summary>Orchard's built-in parts that the editor, GraphQL and search handle (ContainedPart comes with a list, TaxonomyPart with Taxonomy).</summary>
    public static readonly IReadOnlyList<KnownPart> BuiltIn =
    [
        new("TitlePart", "Title", "The item's title (DisplayText), typed or generated from a pattern."),
        new("AutoroutePart", "Address (Autoroute)", "The item's web address, from a Liquid pattern or typed."),
        new("AliasPart", "Alias", "A fixed name to find the item by."),
        new("MarkdownBodyPart", "Markdown body", "A body written in markdown."),
        new("HtmlBodyPart", "HTML body", "A body written in HTML, sanitized on save."),
        new("ListPart", "List", "Makes the item a list that contains items of chosen types."),
        new("LocalizationPart", "Localization", "The item's culture and its translations."),
        new("BagPart", "Bag", "Items of chosen types kept inside this item."),
        new("FlowPart", "Flow", "Widgets kept inside this item, in order."),
    ];

    /// <summary>The parts that could be added to <paramref name="type"/>: known ones it does not have yet.</summary>
    public static IReadOnlyList<KnownPart> AddableTo(ContentTypeDefinition type, ContentDefinitionDocument definitions)
    {
        var attachable = definitions.ContentParts
            .Where(p => SettingsReader.Read<ContentPartSettings>(p.Settings).Attachable && definitions.Type(p.Name) is null)
            .Select(p => new KnownPart(p.Name, SettingsReader.Read<ContentPartSettings>(p.Settings).DisplayName ?? p.Name,
                SettingsReader.Read<ContentPartSettings>(p.Settings).Description ?? "A part with its own fields."));
        return [.. BuiltIn.Concat(attachable).Where(p => !type.HasPart(p.Name))];
    }

    /// <summary>The words shown for a part of a type.</summary>
    public static string DisplayName(ContentTypeDefinition type, ContentTypePartDefinition part) =>
        part.GetSettings<ContentTypePartSettings>().DisplayName is { Length: > 0 } own ? own
        : DefinitionNames.IsOwnPart(type, part) ? $"{type.DisplayName ?? type.Name}'s own fields"
        : BuiltIn.FirstOrDefault(p => p.Name == part.PartName)?.DisplayName ?? part.Name;
}
