using OneDigital.Content.Definitions;

namespace OneDigital.Content.Items;

/// <summary>What part handlers and validators see when a version is about to be written.</summary>
public sealed class ContentSaveContext(ContentItem item, ContentTypeDefinition type, ContentDefinitionDocument definitions, ContentManager manager)
{
    public ContentItem Item { get; } = item;
    public ContentTypeDefinition Type { get; } = type;
    public ContentDefinitionDocument Definitions { get; } = definitions;
    public ContentManager Manager { get; } = manager;

    /// <summary>True while a recipe imports the item: ids and paths given in the data are kept.</summary>
    public bool Importing { get; init; }

    /// <summary>True when the version being written will be the published one.</summary>
    public bool Publishing { get; init; }

    public List<ContentValidationError> Errors { get; } = [];

    public void AddError(string part, string? field, string message) => Errors.Add(new(part, field, message));
}

public sealed record ContentValidationError(string Part, string? Field, string Message)
{
    public override string ToString() => Field is null ? $"{Part}: {Message}" : $"{Part}.{Field}: {Message}";
}

public sealed class ContentValidationException(string contentType, IReadOnlyList<ContentValidationError> errors)
    : Exception($"The {contentType} is not valid: {string.Join("; ", errors)}")
{
    public IReadOnlyList<ContentValidationError> Errors { get; } = errors;
}
