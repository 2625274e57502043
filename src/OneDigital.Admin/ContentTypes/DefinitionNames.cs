// Why: a type's and a field's technical names become C# identifiers in recipes' readers, GraphQL type and field names
// (camelCase: Region → region) and filter keys. A name GraphQL already uses would be silently dropped from the schema
// (the first field of a name wins), so such names are refused here, with a message saying what they clash with.
using System.Text;
using System.Text.RegularExpressions;
using OneDigital.Content.Definitions;
using OneDigital.Content.Fields;

namespace OneDigital.Admin.ContentTypes;

public static partial class DefinitionNames
{
    public const int MaxLength = 64;

    /// <summary>What every content item has in GraphQL, and the fields the schema adds by stereotype or list.</summary>
    private static readonly HashSet<string> ItemFields = new(StringComparer.Ordinal)
    {
        "contentItemId", "contentItemVersionId", "contentType", "displayText", "published", "latest", "modifiedUtc",
        "publishedUtc", "createdUtc", "owner", "author", "render", "containedPart", "metadata", "menuItemsListPart", "menuItemsList",
    };

    /// <summary>The schema's own type names, and the types Orchard's features define in code.</summary>
    private static readonly HashSet<string> ReservedTypeNames = new(
    [
        "Query", "Mutation", "Subscription", "String", "Int", "Float", "Boolean", "ID", "DateTime", "Decimal", "Date", "Time",
        "ContentItem", "MenuItem", "SiteCulture", "MediaFile", "FlowMetadata", "FlowAlignment", "User", "Status",
        "OrderByDirection", "SelectedContentItem", "Taxonomy", "Menu", "LinkMenuItem", "ContentMenuItem", "HtmlMenuItem",
        .. FieldKinds.KnownNames, .. KnownParts.BuiltIn.Select(p => p.Name), "ContainedPart", "TaxonomyPart", "PublishLaterPart",
        "MenuPart", "MenuItemsListPart", "LinkMenuItemPart", "ContentMenuItemPart", "HtmlMenuItemPart",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>Endings the schema gives its generated types and Orchard gives parts and fields.</summary>
    private static readonly string[] ReservedEndings = ["Part", "Field", "Connection", "WhereInput", "OrderByInput"];

    /// <summary>Root fields that are not a type's list.</summary>
    private static readonly HashSet<string> RootFields = new(["contentItem", "siteCultures"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Orchard's GraphQL name for a technical name: its first letter in lower case.</summary>
    public static string GraphQLField(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>A technical name suggested from a display name: "Case study (2026)" → "CaseStudy2026".</summary>
    public static string Suggest(string? displayName)
    {
        var name = new StringBuilder();
        foreach (var word in Words().Matches(displayName ?? "").Select(m => m.Value))
        {
            name.Append(char.ToUpperInvariant(word[0])).Append(word.AsSpan(1));
        }
        var start = 0;
        while (start < name.Length && char.IsAsciiDigit(name[start])) start++;
        var suggested = name.ToString(start, name.Length - start);
        return suggested.Length > MaxLength ? suggested[..MaxLength] : suggested;
    }

    /// <summary>Why <paramref name="name"/> cannot be a new content type's name; null when it can.</summary>
    public static string? TypeNameProblem(string name, ContentDefinitionDocument definitions, IEnumerable<string> storedQueryNames)
    {
        if (ShapeProblem(name, "CaseStudy") is { } shape) return shape;
        if (definitions.Type(name) is { } type) return $"There is already a content type named {type.Name}.";
        // A removed type's own part stays with its fields: a type of the same name takes it back.
        if (definitions.Part(name) is { } part && (part.Name != name || definitions.ContentTypes.Exists(t => t.HasPart(part.Name))))
            return $"There is already a content part named {part.Name}: choose another name.";
        if (ReservedTypeNames.Contains(name)) return $"{name} is a name the GraphQL schema or Orchard already uses: choose another.";
        if (ReservedEndings.FirstOrDefault(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase)) is { } ending)
            return $"A content type's name cannot end with '{ending}': the GraphQL schema names its parts, fields and generated types so.";
        var root = GraphQLField(name);
        if (RootFields.Contains(root)) return $"{name} would be the GraphQL root field '{root}', which already exists: choose another.";
        if (storedQueryNames.FirstOrDefault(q => string.Equals(q, name, StringComparison.OrdinalIgnoreCase) || string.Equals(q, root, StringComparison.OrdinalIgnoreCase)) is { } query)
            return $"{name} clashes with the stored query {query}, which is a GraphQL root field: choose another.";
        return null;
    }

    /// <summary>Why <paramref name="name"/> cannot be a new field of <paramref name="type"/>'s own part; null when it can.</summary>
    public static string? FieldNameProblem(string name, ContentTypeDefinition type, ContentDefinitionDocument definitions)
    {
        if (ShapeProblem(name, "Region") is { } shape) return shape;
        var graphName = GraphQLField(name);
        if (ItemFields.Contains(graphName)) return $"{name} would be the GraphQL field '{graphName}', which every content item already has: choose another name.";
        foreach (var typePart in type.Parts.Where(p => !IsOwnPart(type, p)))
        {
            if (string.Equals(GraphQLField(typePart.Name), graphName, StringComparison.OrdinalIgnoreCase))
                return $"{name} would be the GraphQL field '{graphName}', the same as the type's {typePart.Name}: choose another name.";
        }
        if (definitions.Part(type.Name)?.Fields.Find(f => string.Equals(GraphQLField(f.Name), graphName, StringComparison.OrdinalIgnoreCase)) is { } existing)
        {
            return existing.Name == name
                ? $"{type.DisplayName ?? type.Name} already has a field named {name}."
                : $"{name} would be the GraphQL field '{graphName}', the same as the existing field {existing.Name}: choose another name.";
        }
        return null;
    }

    /// <summary>Whether a stereotype is a plain word (Widget, MenuItem, or one a module names).</summary>
    public static bool IsStereotype(string stereotype) => stereotype.Length <= MaxLength && Identifier().IsMatch(stereotype);

    /// <summary>The type's own part: the one named after the type, which holds its fields and is collapsed in GraphQL.</summary>
    public static bool IsOwnPart(ContentTypeDefinition type, ContentTypePartDefinition part) =>
        part.PartName == type.Name && part.Name == type.Name;

    private static string? ShapeProblem(string name, string example)
    {
        if (name.Length == 0) return "Enter a technical name.";
        if (name.Length > MaxLength) return $"The technical name must be {MaxLength} characters or fewer.";
        if (!Identifier().IsMatch(name))
            return $"The technical name must start with a letter and use only the letters A to Z and digits, for example {example}.";
        return null;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*$")]
    private static partial Regex Identifier();

    [GeneratedRegex("[A-Za-z0-9]+")]
    private static partial Regex Words();
}
