using System.Globalization;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Definitions;
using OneDigital.Content.Items;
using OneDigital.Search.Documents;
using OneDigital.Search.Indexes;
using OneDigital.Search.Tests.Indexes;

namespace OneDigital.Search.Tests.Documents;

/// <summary>
/// Texts analyzed once and replayed into their own field and the full text (<see cref="AnalyzedTexts"/>) make the
/// same index, term for term and position for position, as each field analyzing its own string.
/// </summary>
public class AnalyzedOnceTests
{
    private static async Task<(SearchTestStore Site, ContentDefinitionDocument Definitions, List<ContentItem> Items)> ArticlesAsync()
    {
        var site = await SearchTestStore.CreateAsync();
        // Stop words at the ends of texts move the next text's positions in the joined full text.
        var created = new List<ContentItem>();
        created.Add(await site.CreateArticleAsync("The end of the", "The volunteers **helped**, and the learners learned a lot of the", fill: a =>
        {
            SearchTestStore.Field(a, "Subtitle")["Text"] = "and the";
            SearchTestStore.Field(a, "Notes")["Html"] = "<p>Of <b>Leeds</b> &amp; the</p>";
            SearchTestStore.Field(a, "Website")["Text"] = "the One Digital website";
        }));
        created.Add(await site.CreateArticleAsync("Café Learning Sets", "## Heading\n\nVolunteers helped people get [online](https://example.org). U.S.A. co-op don't 3.14", fill: a =>
        {
            SearchTestStore.Field(a, "Subtitle")["Text"] = "What the champions learned";
            SearchTestStore.Field(a, "Rating")["Value"] = 4;
        }));
        created.Add(await site.CreateArticleAsync("Only a title"));
        created.Add(await site.CreateArticleAsync("the", "of"));
        // Opens the indexes, so that their profiles are known.
        await site.Indexer.CatchUpAsync();
        await using var scope = site.Store.Scope();
        var definitions = await scope.ServiceProvider.GetRequiredService<ContentDefinitionStore>().GetAsync();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var items = new List<ContentItem>();
        foreach (var item in created) items.Add((await manager.GetAsync(item.ContentItemId))!);
        return (site, definitions, items);
    }

    [TestCase("englishanalyzer")]
    [TestCase("standardanalyzer")]
    [TestCase("simpleanalyzer")]
    [TestCase("whitespaceanalyzer")]
    [TestCase("keywordanalyzer")]
    public async Task Replayed_tokens_index_exactly_what_analyzing_each_field_does(string analyzerName)
    {
        var (site, definitions, items) = await ArticlesAsync();
        await using var _ = site;
        var profile = site.Indexes.SettingsOf("Articles")!;
        Assert.That(items, Has.Count.EqualTo(4));

        var analyzer = LuceneAnalyzers.Create(analyzerName);
        var expected = Dump(analyzer, writer =>
        {
            foreach (var item in items) writer.AddDocument(ContentDocumentBuilder.Build(item, definitions, profile), analyzer);
        });
        // One reuse for every document, as a writer thread has: each document is indexed before the next is built.
        var reuse = new ReusableFields(analyzer);
        var actual = Dump(analyzer, writer => writer.AddDocuments(items.Select(item => ContentDocumentBuilder.Build(item, definitions, profile, reuse)), analyzer));

        Assert.That(reuse.Analyzer is not null, Is.EqualTo(analyzerName != "keywordanalyzer"), "a keyword analyzer's full text is one token: it is not replayed");
        Assert.That(actual, Is.EqualTo(expected));
        Assert.That(expected, Does.Contain($"{IndexFieldNames.FullText} "), "the dump covers the full text");
    }

    [Test]
    public async Task A_phrase_across_title_and_body_matches_as_before()
    {
        var (site, _, _) = await ArticlesAsync();
        await using var __ = site;
        await site.Indexer.CatchUpAsync();

        // "sets" ends the title and "heading" starts the body: adjacent in the full text, as when it was one string.
        var phrase = new PhraseQuery { new Term(IndexFieldNames.FullText, "set"), new Term(IndexFieldNames.FullText, "head") };
        Assert.That(await site.IdsAsync("Articles", phrase), Has.Count.EqualTo(1));
        // "end" then, past three stop words ("of the" ending the title, "The" starting the body), "volunteer":
        // position gaps carry across the texts.
        var gap = new PhraseQuery { { new Term(IndexFieldNames.FullText, "end"), 0 }, { new Term(IndexFieldNames.FullText, "volunt"), 4 } };
        Assert.That(await site.IdsAsync("Articles", gap), Has.Count.EqualTo(1));
    }

    /// <summary>Every field's terms with their documents and positions, norms and stored values, as text.</summary>
    private static string Dump(Analyzer analyzer, Action<IndexWriter> add)
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneAnalyzers.Version, analyzer)))
        {
            add(writer);
            writer.Commit();
        }
        using var composite = DirectoryReader.Open(directory);
        var reader = SlowCompositeReaderWrapper.Wrap(composite);
        var text = new StringBuilder();
        foreach (var field in MultiFields.GetFields(reader).OrderBy(f => f, StringComparer.Ordinal))
        {
            var terms = MultiFields.GetTerms(reader, field).GetEnumerator();
            while (terms.MoveNext())
            {
                text.Append(field).Append(' ').Append(terms.Term.ToString()).Append(':');
                if (terms.DocsAndPositions(null, null) is { } positions)
                {
                    while (positions.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
                    {
                        text.Append(" d").Append(positions.DocID).Append('@');
                        for (var i = 0; i < positions.Freq; i++) text.Append(positions.NextPosition()).Append(',');
                    }
                }
                else
                {
                    var docs = terms.Docs(null, null);
                    while (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS) text.Append(" d").Append(docs.DocID);
                }
                text.Append('\n');
            }
            if (reader.GetNormValues(field) is { } norms)
            {
                text.Append(field).Append(" norms:");
                for (var doc = 0; doc < reader.MaxDoc; doc++) text.Append(' ').Append(norms.Get(doc).ToString(CultureInfo.InvariantCulture));
                text.Append('\n');
            }
        }
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            foreach (var stored in reader.Document(doc).Fields.OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                text.Append("stored d").Append(doc).Append(' ').Append(stored.Name).Append('=')
                    .Append(stored.GetStringValue() ?? FormattableString.Invariant($"{stored.NumericType} {stored.GetInt64Value()} {stored.GetDoubleValue()}")).Append('\n');
            }
        }
        return text.ToString();
    }
}
