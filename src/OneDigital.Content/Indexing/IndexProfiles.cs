using System.Text.Json.Nodes;
using OneDigital.Content.Items;
using OneDigital.Content.Store;

namespace OneDigital.Content.Indexing;

/// <summary>An index profile that cannot be stored; <see cref="Field"/> names the offending property of the entry.</summary>
public sealed class IndexProfileException(string field, string message) : InvalidOperationException(message)
{
    public string Field { get; } = field;
}

/// <summary>A reset or rebuild asked of an index no profile names; <see cref="Position"/> is its place in the request.</summary>
public sealed class UnknownIndexProfileException(string name, int position) : InvalidOperationException($"There is no index named '{name}'.")
{
    public int Position { get; } = position;
}

/// <summary>An Orchard 3 profile as a recipe gives it: Id or Name finds an existing one; the rest is optional.</summary>
public sealed record IndexProfileEntry(string? Id, string? Name, string? IndexName, string? ProviderName, string? Type, JsonObject? Properties);

/// <summary>
/// The index profiles' one reader and writer: the recipe steps, the export and the CLI store profiles and queue
/// resets and rebuilds; search reads the profiles and carries the requests out on every node. Each change is one save.
/// </summary>
public sealed class IndexProfiles(DocumentStore documents, TimeProvider clock)
{
    public async Task<IndexProfilesDocument> GetAsync(CancellationToken ct = default) =>
        (await documents.GetAsync<IndexProfilesDocument>(IndexProfilesDocument.DocumentName, ct)).Value;

    /// <summary>
    /// Inserts or updates a profile (found by Id, then by name): a new one needs Lucene content and a name; properties
    /// merge into what is there; the result must index a content type and name a known analyzer.
    /// </summary>
    /// <exception cref="IndexProfileException">The entry cannot be stored.</exception>
    public async Task SaveAsync(IndexProfileEntry entry, CancellationToken ct = default)
    {
        var doc = await GetAsync(ct);
        var profile = (entry.Id is null ? null : doc.Profiles.Find(p => p.Id == entry.Id)) ?? (entry.Name is null ? null : doc.Find(entry.Name));
        if (profile is null)
        {
            if (entry.ProviderName is null) throw new IndexProfileException("ProviderName", "Could not find provider value: a new index profile needs a ProviderName.");
            if (entry.Type is null) throw new IndexProfileException("Type", "A new index profile needs a Type (Content).");
            if (!entry.ProviderName.Equals("Lucene", StringComparison.OrdinalIgnoreCase) || !entry.Type.Equals("Content", StringComparison.OrdinalIgnoreCase))
            {
                throw new IndexProfileException("ProviderName", $"Unable to find a provider named '{entry.ProviderName}' with the type '{entry.Type}'.");
            }
            if (entry.Name is null) throw new IndexProfileException("Name", "A new index profile needs a Name.");
            profile = Add(doc, entry.Name, entry.IndexName ?? entry.Name);
            if (entry.Id is not null) profile.Id = entry.Id;
        }
        else
        {
            if (entry.Name is not null) profile.Name = entry.Name;
            if (entry.IndexName is not null) profile.IndexName = entry.IndexName;
        }
        if (entry.Properties is not null)
        {
            JsonValues.Merge(profile.Properties, entry.Properties);
        }
        if (profile.Content.IndexedContentTypes.Length == 0)
        {
            throw new IndexProfileException("Properties.ContentIndexMetadata.IndexedContentTypes", "An index needs at least one content type.");
        }
        CheckAnalyzer(profile.Lucene.AnalyzerName, "Properties.LuceneIndexMetadata.AnalyzerName");
        await documents.SaveAsync(IndexProfilesDocument.DocumentName, doc, ct);
    }

    /// <summary>
    /// An Orchard 1/2 <c>lucene-index</c> entry: the profile named (or indexed) so, added when missing, gets these
    /// settings whole.
    /// </summary>
    /// <exception cref="IndexProfileException">The analyzer is not known (field <c>AnalyzerName</c>).</exception>
    public async Task SaveLegacyAsync(string indexName, ContentIndexMetadata content, LuceneIndexMetadata lucene, CancellationToken ct = default)
    {
        CheckAnalyzer(lucene.AnalyzerName, "AnalyzerName");
        var doc = await GetAsync(ct);
        var profile = doc.Find(indexName) ?? Add(doc, indexName, indexName);
        profile.Properties["ContentIndexMetadata"] = new JsonObject
        {
            ["IndexLatest"] = content.IndexLatest,
            ["IndexedContentTypes"] = new JsonArray(content.IndexedContentTypes.Select(t => (JsonNode)t).ToArray()),
            ["Culture"] = content.Culture,
        };
        profile.Properties["LuceneIndexMetadata"] = new JsonObject
        {
            ["AnalyzerName"] = lucene.AnalyzerName,
            ["StoreSourceData"] = lucene.StoreSourceData,
        };
        await documents.SaveAsync(IndexProfilesDocument.DocumentName, doc, ct);
    }

    /// <summary>
    /// Queues a reset or rebuild (<paramref name="action"/>) of the indexes named, or of all when
    /// <paramref name="names"/> is null, for every node to carry out. Returns the index names queued.
    /// </summary>
    /// <exception cref="UnknownIndexProfileException">A name matches no profile.</exception>
    public async Task<List<string>> QueueAsync(IReadOnlyList<string>? names, string action, CancellationToken ct = default)
    {
        var doc = await GetAsync(ct);
        var selected = names is null ? doc.Profiles.Select(p => p.IndexName).ToList() : [];
        for (var i = 0; names is not null && i < names.Count; i++)
        {
            selected.Add((doc.Find(names[i]) ?? throw new UnknownIndexProfileException(names[i], i)).IndexName);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        doc.PendingActions.AddRange(selected.Select(n => new IndexAction(n, action, now)));
        await documents.SaveAsync(IndexProfilesDocument.DocumentName, doc, ct);
        return selected;
    }

    private static IndexProfile Add(IndexProfilesDocument doc, string name, string indexName)
    {
        var profile = new IndexProfile { Id = IdGenerator.NewId(), Name = name, IndexName = indexName };
        doc.Profiles.Add(profile);
        return profile;
    }

    private static void CheckAnalyzer(string analyzer, string field)
    {
        if (!IndexProfilesDocument.Analyzers.Contains(analyzer, StringComparer.OrdinalIgnoreCase))
        {
            throw new IndexProfileException(field, $"'{analyzer}' is not a known analyzer (known: {string.Join(", ", IndexProfilesDocument.Analyzers)}).");
        }
    }
}
