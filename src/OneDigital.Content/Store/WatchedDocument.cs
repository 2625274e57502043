namespace OneDigital.Content.Store;

/// <summary>
/// A named document whose version <see cref="StoreVersions"/> reads with every poll, so caches keyed by it (the
/// GraphQL schema, role permissions, partner credentials) see another node's change within a second. The feature
/// that owns the document declares one as a static and registers it as a singleton; the store learns the names from
/// those registrations, never by referring to the features.
/// </summary>
/// <remarks>Compared by reference: a snapshot finds a document's version without hashing its name.</remarks>
public sealed class WatchedDocument(string name)
{
    public string Name { get; } = name;

    public override string ToString() => Name;
}
