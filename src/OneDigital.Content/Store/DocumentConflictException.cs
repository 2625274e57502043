namespace OneDigital.Content.Store;

/// <summary>
/// A document was changed by someone else after it was read; the change made from the old version was not saved.
/// The feature that owns the document decides how a person hears of it (the ground floor names no error folder).
/// </summary>
public sealed class DocumentConflictException(string name, int expectedVersion, int currentVersion)
    : Exception($"'{name}' was changed by someone else (version {currentVersion}; this change was made from version {expectedVersion}). Reload it and make the change again.")
{
    public string DocumentName { get; } = name;
}
