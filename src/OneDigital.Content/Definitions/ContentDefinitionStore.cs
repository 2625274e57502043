using System.Text.Json;
using OneDigital.Content.Fields;
using OneDigital.Content.Items;
using OneDigital.Content.Store;

namespace OneDigital.Content.Definitions;

/// <summary>Reads and changes the content definitions document. Every change bumps its version.</summary>
public sealed class ContentDefinitionStore(DocumentStore documents) : IScopedCache
{
    public const string DocumentName = "ContentDefinitions";

    /// <summary>Watched by <see cref="StoreVersions"/>: the GraphQL schema and the securable types are rebuilt when it moves.</summary>
    public static readonly WatchedDocument Watched = new(DocumentName);

    private ContentDefinitionDocument? _current;

    public async Task<ContentDefinitionDocument> GetAsync(CancellationToken ct = default)
    {
        if (_current is null)
        {
            var (doc, version) = await documents.GetAsync<ContentDefinitionDocument>(DocumentName, ct);
            doc.Version = version;
            _current = doc;
        }
        return _current;
    }

    public async Task<ContentTypeDefinition?> GetTypeAsync(string name, CancellationToken ct = default) =>
        (await GetAsync(ct)).Type(name);

    /// <summary>Applies a change to the definitions and saves them as a new version.</summary>
    public async Task AlterAsync(Action<ContentDefinitionDocument> change, CancellationToken ct = default)
    {
        // Change a copy, so a refused change leaves the definitions this scope reads untouched.
        var current = await GetAsync(ct);
        var doc = JsonSerializer.Deserialize<ContentDefinitionDocument>(JsonSerializer.Serialize(current, ContentJson.Compact), ContentJson.Compact)!;
        change(doc);
        Validate(doc);
        // From the version this scope read: a change another request or node made meanwhile is a conflict, not lost.
        doc.Version = await documents.SaveAsync(DocumentName, doc, current.Version, ct);
        _current = doc;
    }

    public Task AlterTypeAsync(string name, Action<ContentTypeDefinition> change, CancellationToken ct = default) =>
        AlterAsync(doc =>
        {
            var type = doc.Type(name);
            if (type is null)
            {
                type = new ContentTypeDefinition { Name = name, DisplayName = name };
                doc.ContentTypes.Add(type);
            }
            change(type);
        }, ct);

    public Task AlterPartAsync(string name, Action<ContentPartDefinition> change, CancellationToken ct = default) =>
        AlterAsync(doc =>
        {
            var part = doc.Part(name);
            if (part is null)
            {
                part = new ContentPartDefinition { Name = name };
                doc.ContentParts.Add(part);
            }
            change(part);
        }, ct);

    /// <summary>
    /// Adds a field to a part, or changes its kind and settings if the part has it already. Only a kind this CMS knows
    /// may be chosen here; a module's own kind arrives only with a recipe's definitions, which keep it.
    /// </summary>
    public Task AlterFieldAsync(string partName, string fieldName, string fieldKind, Action<ContentPartFieldDefinition>? change = null, CancellationToken ct = default) =>
        AlterPartAsync(partName, part =>
        {
            if (FieldKinds.Find(fieldKind) is null)
            {
                throw new ContentDefinitionException($"Field '{part.Name}.{fieldName}' has an unknown field type '{fieldKind}'. Known types: {string.Join(", ", FieldKinds.KnownNames.Order())}.");
            }
            var field = part.Field(fieldName);
            if (field is null)
            {
                field = new ContentPartFieldDefinition { Name = fieldName };
                part.Fields.Add(field);
            }
            field.FieldName = fieldKind;
            change?.Invoke(field);
        }, ct);

    public Task RemoveFieldAsync(string partName, string fieldName, CancellationToken ct = default) =>
        AlterAsync(doc =>
        {
            var part = doc.Part(partName) ?? throw new ContentDefinitionException($"The part '{partName}' does not exist.");
            if (part.Fields.RemoveAll(f => f.Name == fieldName) == 0)
            {
                throw new ContentDefinitionException($"The part '{partName}' has no field '{fieldName}'.");
            }
        }, ct);

    /// <summary>Detaches a part from a type; the part's definition stays for other types.</summary>
    public Task RemovePartFromTypeAsync(string typeName, string partInstanceName, CancellationToken ct = default) =>
        AlterAsync(doc =>
        {
            var type = doc.Type(typeName) ?? throw new ContentDefinitionException($"The content type '{typeName}' does not exist.");
            type.Parts.RemoveAll(p => p.Name == partInstanceName);
        }, ct);

    public Task DeleteTypeAsync(string name, CancellationToken ct = default) => AlterAsync(doc => doc.RemoveType(name), ct);

    /// <summary>Deletes a part definition and detaches it from every type that uses it.</summary>
    public Task DeletePartAsync(string name, CancellationToken ct = default) => AlterAsync(doc => doc.RemovePart(name), ct);

    /// <summary>Forget the cached document, so the next read sees changes made by another scope or node.</summary>
    public void Reset() => _current = null;

    public static void Validate(ContentDefinitionDocument doc)
    {
        foreach (var type in doc.ContentTypes)
        {
            if (!IsTechnicalName(type.Name))
            {
                throw new ContentDefinitionException($"'{type.Name}' is not a valid content type name: use letters, digits and underscores, starting with a letter.");
            }
            foreach (var part in type.Parts)
            {
                if (string.IsNullOrEmpty(part.Name)) part.Name = part.PartName;
                if (!IsTechnicalName(part.PartName))
                {
                    throw new ContentDefinitionException($"Type '{type.Name}' has a part with an invalid name '{part.PartName}'.");
                }
            }
        }
        foreach (var part in doc.ContentParts)
        {
            if (!IsTechnicalName(part.Name))
            {
                throw new ContentDefinitionException($"'{part.Name}' is not a valid content part name.");
            }
            foreach (var field in part.Fields)
            {
                if (!IsTechnicalName(field.Name))
                {
                    throw new ContentDefinitionException($"Part '{part.Name}' has a field with an invalid name '{field.Name}'.");
                }
                // A kind the engine does not know (a module's own field) is kept: its values stay JSON that no layer reads.
                if (string.IsNullOrWhiteSpace(field.FieldName))
                {
                    throw new ContentDefinitionException($"Field '{part.Name}.{field.Name}' has no field type.");
                }
            }
        }
    }

    private static bool IsTechnicalName(string name) =>
        name.Length > 0 && char.IsLetter(name[0]) && name.All(c => char.IsLetterOrDigit(c) || c == '_' || c == '.');
}

public sealed class ContentDefinitionException(string message) : Exception(message);
