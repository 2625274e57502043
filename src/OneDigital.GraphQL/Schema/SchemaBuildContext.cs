using GraphQL;
using GraphQL.Types;
using OneDigital.Content.Definitions;
using OneDigital.Content.Items;
using OneDigital.GraphQL.Filters;
using OneDigital.GraphQL.Loading;

namespace OneDigital.GraphQL.Schema;

/// <summary>What the builders of one schema share, and what its resolvers read at run time.</summary>
internal sealed class SchemaBuildContext
{
    public SchemaBuildContext(ContentDefinitionDocument definitions, GraphQLOptions options)
    {
        Definitions = definitions;
        Options = options;
        Status = new EnumerationGraphType { Name = "Status", Description = "Which versions a list returns." };
        Status.Add("PUBLISHED", PublicationStatus.Published, "The published version (the default).");
        Status.Add("DRAFT", PublicationStatus.Draft, "The latest version when it is not published; needs permission to edit.");
        Status.Add("LATEST", PublicationStatus.Latest, "The latest version, published or not; needs permission to edit.");
        Status.Add("ALL", PublicationStatus.All, "Every version, so an item can appear several times; needs permission to edit.");
        Direction = new EnumerationGraphType { Name = "OrderByDirection", Description = "Sort direction." };
        Direction.Add("ASC", OrderByDirection.Ascending, "Ascending.");
        Direction.Add("DESC", OrderByDirection.Descending, "Descending.");
        ContentItem = new InterfaceGraphType { Name = "ContentItem", Description = "A content item of any type; use fragments (... on BlogPost) for the fields of a type." };
        ContentItem.ResolveType = value => value is ContentItem item ? ObjectTypes.GetValueOrDefault(item.ContentType) : null;
    }

    public ContentDefinitionDocument Definitions { get; }

    public GraphQLOptions Options { get; }

    public SchemaScalars Scalars { get; } = new();

    public EnumerationGraphType Status { get; }

    public EnumerationGraphType Direction { get; }

    public InterfaceGraphType ContentItem { get; }

    /// <summary>The object type of each content type in the schema, by technical type name.</summary>
    public Dictionary<string, ObjectGraphType> ObjectTypes { get; } = new(StringComparer.Ordinal);

    /// <summary>Type names taken so far, so generated names never collide.</summary>
    public HashSet<string> TypeNames { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether items of the type can sit in a list: it has ContainedPart, or a ListPart names it among its contained
    /// types (Orchard attaches ContainedPart to those without it being in the type definition).
    /// </summary>
    public bool IsContained(ContentTypeDefinition type) =>
        type.HasPart("ContainedPart") || (_containedTypes ??= ContainedTypes()).Contains(type.Name);

    private HashSet<string>? _containedTypes;

    private HashSet<string> ContainedTypes() =>
        [.. Definitions.ContentTypes.SelectMany(t => t.Parts)
            .Where(p => p.PartName == "ListPart")
            .SelectMany(p => p.Settings["ListPartSettings"]?["ContainedContentTypes"] as System.Text.Json.Nodes.JsonArray ?? [])
            .Select(n => n?.ToString() ?? "")];

    /// <summary>Whether the schema has an object type for the item, so the ContentItem interface can resolve it.</summary>
    public bool IsExposed(ContentItem item) => ObjectTypes.ContainsKey(item.ContentType);

    /// <summary>A type name not taken yet: the preferred one, or it with a suffix.</summary>
    public string UniqueTypeName(string preferred, string suffix)
    {
        var name = GraphQLNames.Type(preferred);
        if (!TypeNames.Contains(name)) return Take(name);
        name = GraphQLNames.Type(preferred + suffix);
        var n = 2;
        var candidate = name;
        while (TypeNames.Contains(candidate)) candidate = name + n++;
        return Take(candidate);
    }

    private string Take(string name)
    {
        TypeNames.Add(name);
        return name;
    }

    /// <summary>Published items the caller may view, among the loaded ones, keeping only types the schema has.</summary>
    public async Task<List<ContentItem>> ViewableAsync(GraphQLUserContext user, IEnumerable<ContentItem?> items, CancellationToken ct)
    {
        var present = items.OfType<ContentItem>().Where(IsExposed);
        return await user.Access.FilterViewableAsync(present, ct);
    }
}

public enum PublicationStatus
{
    Published,
    Draft,
    Latest,
    All,
}
