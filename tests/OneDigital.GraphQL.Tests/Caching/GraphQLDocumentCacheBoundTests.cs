using GraphQLParser;
using OneDigital.GraphQL.Caching;

namespace OneDigital.GraphQL.Tests.Caching;

/// <summary>
/// A partner that writes a literal into each query sends a new text every request: the parsed documents kept are
/// bounded by their number, whatever the texts' length.
/// </summary>
public sealed class GraphQLDocumentCacheBoundTests
{
    [Test]
    public void Queries_differing_only_in_a_literal_keep_no_more_documents_than_the_bound()
    {
        using var cache = new GraphQLDocumentCache(maxDocuments: 3);
        var schema = new global::GraphQL.Types.Schema();

        for (var i = 0; i < 50; i++)
        {
            var text = $$"""{ post(where: { path: "posts/post-{{i}}" }) { id } }""";
            cache.Set(text, null, schema, new ParsedQuery(Parser.Parse(text), text, null));
        }

        Assert.That(cache.Count, Is.InRange(1, 3));
    }

    [Test]
    public void A_kept_document_is_found_again_by_its_text_and_schema()
    {
        using var cache = new GraphQLDocumentCache(maxDocuments: 3);
        var schema = new global::GraphQL.Types.Schema();
        const string text = "{ post { id } }";
        var parsed = new ParsedQuery(Parser.Parse(text), text, null);

        cache.Set(text, null, schema, parsed);

        Assert.Multiple(() =>
        {
            Assert.That(cache.Get(text, null, schema), Is.SameAs(parsed));
            Assert.That(cache.Get(text, null, new global::GraphQL.Types.Schema()), Is.Null, "another schema");
        });
    }
}
