using System.Runtime.CompilerServices;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;

namespace OneDigital.GraphQL.Caching;

/// <summary>A query text parsed and validated once: its document, the text parsed, and what the response cache needs.</summary>
internal sealed record ParsedQuery(GraphQLDocument Document, string Text, CacheableQuery? Shareable);

/// <summary>
/// Documents that passed validation, keyed by the request's query text, operation name and schema, so a repeated
/// query is neither parsed nor validated again (only the rules that read variables run). A document enters only
/// after it validated: validation rewrites it (merged repeats, capped literals), and a shared document must not
/// change under another request.
/// </summary>
public sealed class GraphQLDocumentCache : IDisposable
{
    /// <summary>
    /// Documents kept: plenty for the few hundred distinct queries a partner site sends. Counted by document, not by
    /// characters of text: a partner that writes a literal into each query (a path, an id) sends a new text every
    /// request, and 8 M characters held about 12,000 parsed documents, many times their text's size. Random reads by
    /// path over 100,000 posts took the site to 580 MB resident that way.
    /// </summary>
    private const int MaxDocuments = 2_000;
    // A text this long counts as one more document.
    private const int CharsPerDocument = 8_192;

    private readonly MemoryCache _documents;
    private readonly ConditionalWeakTable<GraphQLDocument, object> _validated = [];

    public GraphQLDocumentCache() : this(MaxDocuments)
    {
    }

    internal GraphQLDocumentCache(int maxDocuments) => _documents = new(new MemoryCacheOptions { SizeLimit = maxDocuments });

    private sealed record Key(string Query, string? OperationName, long SchemaId);

    internal ParsedQuery? Get(string query, string? operationName, ISchema schema) =>
        _documents.TryGetValue(new Key(query, operationName, SchemaIds.Of(schema)), out ParsedQuery? parsed) ? parsed : null;

    internal void Set(string query, string? operationName, ISchema schema, ParsedQuery parsed)
    {
        _validated.AddOrUpdate(parsed.Document, this);
        _documents.Set(new Key(query, operationName, SchemaIds.Of(schema)), parsed,
            new MemoryCacheEntryOptions { Size = 1 + (query.Length + parsed.Text.Length) / CharsPerDocument });
    }

    /// <summary>Whether the validator already passed this document (it then runs only the rules that read variables).</summary>
    internal bool IsValidated(GraphQLDocument document) => _validated.TryGetValue(document, out _);

    /// <summary>How many documents are kept (for tests and diagnostics).</summary>
    public int Count => _documents.Count;

    public void Dispose() => _documents.Dispose();
}
