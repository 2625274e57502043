using OneDigital.Content.Definitions;
using OneDigital.Content.Errors;

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

    /// <summary>What a handler changed so the item could be saved (an imported path made unique); an import reports them.</summary>
    public List<string> Warnings { get; init; } = [];

    public void AddError(string part, string? field, string message) => Errors.Add(new(part, field, message));
}

public sealed record ContentValidationError(string Part, string? Field, string Message)
{
    public override string ToString() => Field is null ? $"{Part}: {Message}" : $"{Part}.{Field}: {Message}";
}

/// <summary>A version the handlers refused; APIs answer 400 with each message and the messages per part or field.</summary>
public sealed class ContentValidationException(string contentType, IReadOnlyList<ContentValidationError> errors)
    : Exception($"The {contentType} is not valid: {string.Join("; ", errors)}"), IClientError
{
    public IReadOnlyList<ContentValidationError> Errors { get; } = errors;

    int IClientError.Status => IClientError.Invalid;

    string IClientError.Title => "One or more validation errors occurred.";

    string IClientError.Detail => string.Join(",", Errors.Select(e => e.Message));

    IReadOnlyDictionary<string, object?>? IClientError.Extensions => new Dictionary<string, object?>
    {
        ["errors"] = Errors
            .GroupBy(e => e.Field is null ? e.Part : $"{e.Part}.{e.Field}")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
    };
}
