using System.Collections.Concurrent;
using OneDigital.Content.Definitions;
using OneDigital.Search.Documents;

namespace OneDigital.Search.Indexes;

/// <summary>
/// The encoding of every field name documents can hold, from the core fields and the content definitions (the same
/// table the document builder writes with): <c>IndexedFieldKinds.For(definitions).Of("Event.StartsAt")</c> is
/// <see cref="IndexFieldKind.DateTicks"/>.
/// </summary>
public sealed class IndexedFieldKinds
{
    private static readonly ConcurrentDictionary<int, IndexedFieldKinds> ByVersion = new();
    private readonly Dictionary<string, IndexFieldKind> _kinds;

    private IndexedFieldKinds(Dictionary<string, IndexFieldKind> kinds) => _kinds = kinds;

    /// <summary>Every known field name and its kind.</summary>
    public IReadOnlyDictionary<string, IndexFieldKind> All => _kinds;

    /// <summary>The kinds for these definitions (cached per definitions version).</summary>
    public static IndexedFieldKinds For(ContentDefinitionDocument definitions)
    {
        if (definitions.Version > 0 && ByVersion.TryGetValue(definitions.Version, out var cached))
        {
            return cached;
        }
        var kinds = new Dictionary<string, IndexFieldKind>(IndexFieldNames.Core, StringComparer.Ordinal);
        foreach (var type in definitions.ContentTypes)
        {
            foreach (var typePart in type.Parts)
            {
                foreach (var field in definitions.Part(typePart.PartName)?.Fields ?? [])
                {
                    if (field.Kind is not { } kind) continue;
                    foreach (var mapping in FieldMappings.For(kind))
                    {
                        kinds[$"{typePart.Name}.{field.Name}{mapping.Suffix}"] = mapping.Kind;
                    }
                }
            }
        }
        var result = new IndexedFieldKinds(kinds);
        if (definitions.Version > 0)
        {
            if (ByVersion.Count > 16) ByVersion.Clear();
            ByVersion[definitions.Version] = result;
        }
        return result;
    }

    /// <summary>
    /// The kind of a field name. Names no definition explains are taken as Keyword when they end in
    /// <c>.keyword</c> or <c>.Ids</c>, otherwise as Text.
    /// </summary>
    public IndexFieldKind Of(string fieldName) =>
        _kinds.TryGetValue(fieldName, out var kind) ? kind
        : fieldName.EndsWith(IndexFieldNames.KeywordSuffix, StringComparison.Ordinal) || fieldName.EndsWith(".Ids", StringComparison.Ordinal) ? IndexFieldKind.Keyword
        : IndexFieldKind.Text;

    public bool IsKnown(string fieldName) => _kinds.ContainsKey(fieldName);
}
