using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Definitions;
using OneDigital.Content.Items;
using OneDigital.Search.Documents;
using OneDigital.Search.Indexes;
using OneDigital.Search.Tests.Indexes;

namespace OneDigital.Search.Tests.Documents;

/// <summary>Documents carry Orchard's field names, each encoded as <see cref="IndexFieldKinds"/> says.</summary>
public class DocumentMappingTests
{
    private static readonly DateTime HeldOn = new(2025, 3, 14, 10, 30, 0, DateTimeKind.Utc);

    private static async Task<(SearchTestStore Site, string Id)> ArticleWithEveryFieldAsync()
    {
        var site = await SearchTestStore.CreateAsync();
        var item = await site.CreateArticleAsync("Café Learning Sets", "## Heading\n\nVolunteers **helped** people get [online](https://example.org).", fill: a =>
        {
            SearchTestStore.Field(a, "Subtitle")["Text"] = "What the champions learned";
            SearchTestStore.Field(a, "Rating")["Value"] = 4;
            SearchTestStore.Field(a, "Featured")["Value"] = true;
            SearchTestStore.Field(a, "HeldOn")["Value"] = HeldOn;
            SearchTestStore.Field(a, "Website")["Url"] = "https://onedigital.org.uk";
            SearchTestStore.Field(a, "Website")["Text"] = "One Digital website";
            SearchTestStore.Field(a, "Topics")["TermContentItemIds"] = new JsonArray("term-wellbeing", "term-skills");
            SearchTestStore.Field(a, "Related")["ContentItemIds"] = new JsonArray("related-1");
            SearchTestStore.Field(a, "Notes")["Html"] = "<p>Held in <b>Leeds</b> &amp; online</p><script>alert(1)</script>";
        });
        await site.Indexer.CatchUpAsync();
        return (site, item.ContentItemId);
    }

    [Test]
    public async Task Core_fields_have_Orchards_names_and_dates_are_stored_as_utc_ticks()
    {
        var (site, id) = await ArticleWithEveryFieldAsync();
        await using var _ = site;
        var doc = (await site.DocumentAsync("Articles", id))!;

        Assert.Multiple(() =>
        {
            Assert.That(doc.Get(IndexFieldNames.ContentItemVersionId), Is.Not.Empty);
            Assert.That(doc.Get(IndexFieldNames.ContentType), Is.EqualTo("Article"));
            Assert.That(doc.Get(IndexFieldNames.DisplayTextKeyword), Is.EqualTo("Café Learning Sets"));
            Assert.That(doc.Get(IndexFieldNames.DisplayTextNormalized), Is.EqualTo("cafe learning sets"));
            Assert.That(doc.Get(IndexFieldNames.Published), Is.EqualTo("true"));
            Assert.That(doc.Get(IndexFieldNames.Latest), Is.EqualTo("true"));
            Assert.That(doc.GetField(IndexFieldNames.CreatedUtc).GetInt64Value(), Is.GreaterThan(new DateTime(2020, 1, 1).Ticks));
            Assert.That(doc.Get(IndexFieldNames.Body), Is.EqualTo("Heading Volunteers helped people get online."));
            Assert.That(doc.Get(IndexFieldNames.Path), Is.EqualTo("cafe-learning-sets"));
            Assert.That(JsonNode.Parse(doc.Get(IndexFieldNames.Source))!["ContentItemId"]!.GetValue<string>(), Is.EqualTo(id), "StoreSourceData keeps the item's JSON");
        });
    }

    [Test]
    public async Task Each_field_kind_is_indexed_under_part_and_field_name_with_its_encoding()
    {
        var (site, id) = await ArticleWithEveryFieldAsync();
        await using var _ = site;

        async Task<bool> Finds(Query query) => (await site.IdsAsync("Articles", query)).Contains(id);
        Assert.Multiple(async () =>
        {
            Assert.That(await Finds(new TermQuery(new Term("Article.Subtitle", "champion"))), Is.True, "text is analyzed (English stems)");
            Assert.That(await Finds(new TermQuery(new Term("Article.Subtitle.keyword", "What the champions learned"))), Is.True, "short text has a keyword copy");
            Assert.That(await Finds(NumericFields.DoubleRange("Article.Rating", 3.5, 4.5, true, true)), Is.True, "numbers are doubles");
            Assert.That(await Finds(new TermQuery(new Term("Article.Featured", "true"))), Is.True, "booleans are \"true\"/\"false\"");
            Assert.That(await Finds(NumericFields.Int64Range("Article.HeldOn", HeldOn.AddDays(-1).Ticks, HeldOn.AddDays(1).Ticks, true, true)), Is.True, "dates are UTC ticks");
            Assert.That(await Finds(new TermQuery(new Term("Article.Website.Url", "https://onedigital.org.uk"))), Is.True, "link url");
            Assert.That(await Finds(new TermQuery(new Term("Article.Website.Text", "websit"))), Is.True, "link text is analyzed");
            Assert.That(await Finds(new TermQuery(new Term("Article.Topics.TermContentItemIds", "term-skills"))), Is.True, "taxonomy term ids");
            Assert.That(await Finds(new TermQuery(new Term("Article.Topics.Ids", "term-wellbeing"))), Is.True, "taxonomy term ids, Orchard's .Ids name");
            Assert.That(await Finds(new TermQuery(new Term("Article.Related.ContentItemIds", "related-1"))), Is.True, "picked ids");
            Assert.That(await Finds(new TermQuery(new Term("Article.Notes", "leed"))), Is.True, "html is indexed as its text");
            Assert.That(await Finds(new TermQuery(new Term("Article.Notes", "alert"))), Is.False, "scripts are not text");
            Assert.That(await Finds(new TermQuery(new Term(IndexFieldNames.FullText, "champion"))), Is.True, "text fields are in the full text");
            Assert.That(await Finds(new TermQuery(new Term(IndexFieldNames.ContentType, "Article"))), Is.True);
        });
    }

    [Test]
    public async Task Date_and_number_ranges_end_exactly_at_their_bounds_with_the_coarser_precision_step()
    {
        var (site, id) = await ArticleWithEveryFieldAsync();
        await using var _ = site;

        async Task<bool> Finds(Query query) => (await site.IdsAsync("Articles", query)).Contains(id);
        var ticks = HeldOn.Ticks;
        Assert.Multiple(async () =>
        {
            Assert.That(await Finds(NumericFields.Int64Range("Article.HeldOn", ticks, ticks, true, true)), Is.True, "the exact tick");
            Assert.That(await Finds(NumericFields.Int64Range("Article.HeldOn", ticks, null, false, false)), Is.False, "after it, one tick away");
            Assert.That(await Finds(NumericFields.Int64Range("Article.HeldOn", null, ticks, false, false)), Is.False, "before it, one tick away");
            Assert.That(await Finds(NumericFields.Int64Range("Article.HeldOn", ticks - 1, ticks + 1, true, true)), Is.True, "a tick either side");
            Assert.That(await Finds(NumericFields.Int64Range("Article.HeldOn", HeldOn.AddYears(-30).Ticks, HeldOn.AddYears(30).Ticks, false, false)), Is.True, "decades either side (the coarse terms)");
            Assert.That(await Finds(NumericFields.Int64Range("Article.HeldOn", HeldOn.AddYears(1).Ticks, HeldOn.AddYears(30).Ticks, true, true)), Is.False, "a later span");
            Assert.That(await Finds(NumericFields.DoubleRange("Article.Rating", 4, 4, true, true)), Is.True, "the exact number");
            Assert.That(await Finds(NumericFields.DoubleRange("Article.Rating", 4, null, false, true)), Is.False, "above it");
            Assert.That(await Finds(NumericFields.DoubleRange("Article.Rating", -1e9, 1e9, true, true)), Is.True, "a wide span");
        });
    }

    [Test]
    public async Task Dates_and_numbers_are_indexed_at_the_precision_step_queries_use()
    {
        var (site, id) = await ArticleWithEveryFieldAsync();
        await using var _ = site;
        await using var scope = site.Store.Scope();
        var definitions = await scope.ServiceProvider.GetRequiredService<ContentDefinitionStore>().GetAsync();
        var item = (await scope.ServiceProvider.GetRequiredService<ContentManager>().GetAsync(id))!;
        var settings = site.Indexes.SettingsOf("Articles")!;

        foreach (var doc in new[] { ContentDocumentBuilder.Build(item, definitions, settings), ContentDocumentBuilder.Build(item, definitions, settings, new ReusableFields()) })
        {
            var numeric = doc.Fields.Where(f => f.NumericType != Lucene.Net.Documents.NumericFieldType.NONE).ToList();
            Assert.That(numeric.Select(f => f.Name), Does.Contain(IndexFieldNames.CreatedUtc).And.Contain("Article.HeldOn").And.Contain("Article.Rating"));
            Assert.That(numeric.Select(f => ((Lucene.Net.Documents.Field)f).FieldType.NumericPrecisionStep), Is.All.EqualTo(NumericFields.PrecisionStep));
            Assert.That(numeric.Select(f => f.IndexableFieldType.IsStored), Is.All.True, "stored, as before");
        }
    }

    [Test]
    public async Task Field_kinds_answer_for_every_name_a_document_holds()
    {
        var (site, id) = await ArticleWithEveryFieldAsync();
        await using var _ = site;
        await using var scope = site.Store.Scope();
        var definitions = await scope.ServiceProvider.GetRequiredService<ContentDefinitionStore>().GetAsync();
        var kinds = IndexedFieldKinds.For(definitions);
        // Built here rather than read back: a document read from the index has lost its fields' types.
        var item = (await scope.ServiceProvider.GetRequiredService<ContentManager>().GetAsync(id))!;
        var doc = ContentDocumentBuilder.Build(item, definitions, site.Indexes.SettingsOf("Articles")!);

        foreach (var field in doc.Fields.Where(f => f.Name != IndexFieldNames.Source))
        {
            var expected = field.NumericType switch
            {
                Lucene.Net.Documents.NumericFieldType.DOUBLE => IndexFieldKind.Number,
                Lucene.Net.Documents.NumericFieldType.INT64 => IndexFieldKind.DateTicks,
                _ => field.IndexableFieldType.IsTokenized ? IndexFieldKind.Text : IndexFieldKind.Keyword,
            };
            Assert.That(kinds.Of(field.Name), Is.EqualTo(expected), field.Name);
            Assert.That(kinds.IsKnown(field.Name), Is.True, field.Name);
        }
    }

    [Test]
    public async Task The_English_analyzer_finds_a_word_in_another_form()
    {
        var (site, id) = await ArticleWithEveryFieldAsync();
        await using var _ = site;
        var parser = new QueryParser(LuceneAnalyzers.Version, IndexFieldNames.FullText, site.Indexes.AnalyzerOf("Articles")!);

        Assert.That(await site.IdsAsync("Articles", parser.Parse("volunteering help")), Does.Contain(id));
    }

    [Test]
    public void Markdown_and_html_become_the_words_a_reader_sees()
    {
        Assert.Multiple(() =>
        {
            Assert.That(PlainText.FromMarkdown("# Title\n\n- one *two*\n> quote ![alt text](a.png)"), Is.EqualTo("Title one two quote alt text"));
            Assert.That(PlainText.FromHtml("<h1>Title</h1><p>Fish &amp; chips</p><style>p{}</style>"), Is.EqualTo("Title Fish & chips"));
        });
    }

    [TestCase("one two three")]
    [TestCase("  one\n\n two\t\tthree \r\n")]
    [TestCase("one\u00a0two\u2028three\u0085four\u000bfive\u000csix\u3000seven")]
    [TestCase("one \u00a0 two")]
    [TestCase(" \n\t ")]
    [TestCase("x")]
    [TestCase(" x ")]
    public void White_space_in_plain_text_is_collapsed_as_a_whitespace_expression_would(string text)
    {
        var expected = Regex.Replace(text, @"\s+", " ").Trim();

        Assert.That(PlainText.FromHtml(text), Is.EqualTo(expected));
    }
}
