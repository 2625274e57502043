using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using OneDigital.Content.Definitions;
using OneDigital.Content.Fields;
using OneDigital.Content.Items;
using OneDigital.Content.Security;
using OneDigital.Content.Querying;
using OneDigital.Search.Indexes;
using OneDigital.Search.Queries;
using OneDigital.Search.Documents;

namespace OneDigital.Search.SiteSearch;

/// <summary>
/// Search for the readers' site over the Search index: titles count more than bodies, a "quoted phrase" must match
/// as written, words match in other forms when the index analyzes English, and when nothing matches, spelling
/// mistakes are forgiven (and the result says so). Only published items of types the reader may view are found, so
/// the total and the facet counts agree with what the reader can page through.
/// </summary>
public sealed partial class SiteSearchService(
    ILuceneSearcherSource searchers,
    IIndexQueryContextSource contexts,
    ContentQuery content,
    ContentDefinitionStore definitions,
    PermissionService permissions,
    VisibleItemsFilters visibleItems,
    SiteSearchOptions options)
{
    public async Task<SiteSearchResult> SearchAsync(SiteSearchRequest request, ClaimsPrincipal? reader, CancellationToken ct = default)
    {
        var page = Math.Max(1, request.Page);
        var pageSize = Math.Clamp(request.PageSize, 1, options.MaxPageSize);
        var context = await contexts.GetAsync(options.IndexName, ct);
        var text = SiteSearchText.Parse(request.Text);
        var filter = await FilterAsync(request, reader, ct);
        var topicFields = await TopicFieldsAsync(ct);

        var found = await RunAsync(context, TextQuery(context, text, fuzzy: false), filter, topicFields, page, pageSize, ct);
        var usedFuzzy = false;
        if (found.Total == 0 && text.Words.Length > 0)
        {
            found = await RunAsync(context, TextQuery(context, text, fuzzy: true), filter, topicFields, page, pageSize, ct);
            usedFuzzy = found.Total > 0;
        }

        var items = await content.GetPublishedAsync([.. found.Hits.Select(h => h.Id)], ct);
        var byId = items.ToDictionary(i => i.ContentItemId);
        var hits = found.Hits.Where(h => byId.ContainsKey(h.Id))
            .Select(h => Hit(byId[h.Id], h, context, found.Highlight))
            .ToList();
        return new SiteSearchResult
        {
            Items = hits,
            Total = found.Total,
            Page = page,
            PageSize = pageSize,
            ContentTypes = found.Types,
            Topics = found.Topics,
            UsedFuzzy = usedFuzzy,
            CorrectedFrom = usedFuzzy ? request.Text : null,
        };
    }

    /// <summary>Published, of a type the reader may view, and the reader's own filters.</summary>
    private async Task<Filter> FilterAsync(SiteSearchRequest request, ClaimsPrincipal? reader, CancellationToken ct)
    {
        var visible = new List<string>();
        foreach (var type in (await definitions.GetAsync(ct)).ContentTypes)
        {
            if (await permissions.IsGrantedForTypeAsync(reader, Permissions.ViewContent, type.Name, ct))
            {
                visible.Add(type.Name);
            }
        }
        var visibleFilter = visibleItems.For(visible);
        if (string.IsNullOrWhiteSpace(request.ContentType) && string.IsNullOrWhiteSpace(request.TopicId))
        {
            return visibleFilter;
        }
        var filter = new BooleanQuery { { new ConstantScoreQuery(visibleFilter), Occur.MUST } };
        if (!string.IsNullOrWhiteSpace(request.ContentType))
        {
            filter.Add(new TermQuery(new Term(IndexFieldNames.ContentType, request.ContentType)), Occur.MUST);
        }
        if (!string.IsNullOrWhiteSpace(request.TopicId))
        {
            var topic = new BooleanQuery();
            foreach (var field in await TopicFieldsAsync(ct)) topic.Add(new TermQuery(new Term(field, request.TopicId)), Occur.SHOULD);
            filter.Add(topic, Occur.MUST);
        }
        return new QueryWrapperFilter(filter);
    }

    private async Task<IReadOnlyList<string>> TopicFieldsAsync(CancellationToken ct)
    {
        if (options.TopicFields.Count > 0) return options.TopicFields;
        return [.. (await definitions.GetAsync(ct)).ContentParts
            .SelectMany(p => p.Fields.Where(f => f.Name == "Topics" && f.Kind == FieldKind.Taxonomy).Select(f => $"{p.Name}.{f.Name}.Ids"))
            .Distinct()];
    }

    /// <summary>
    /// Phrases must all match (in the title, the body or the full text); loose words are scored over the title
    /// (boosted) and the body, and at least one must match. With <paramref name="fuzzy"/>, loose words match within
    /// a few edits.
    /// </summary>
    private Query? TextQuery(IndexQueryContext context, SiteSearchText text, bool fuzzy)
    {
        var fields = new (string Field, float Boost)[] { (IndexFieldNames.DisplayTextAnalyzed, options.TitleBoost), (IndexFieldNames.Body, 1f), (IndexFieldNames.FullText, 1f) };
        var query = new BooleanQuery();
        var dsl = new QueryDslParser(context);
        foreach (var phrase in text.Phrases)
        {
            var anyField = new BooleanQuery();
            foreach (var (field, boost) in fields)
            {
                var q = PhraseIn(context, field, phrase);
                if (q is null) continue;
                q.Boost = boost;
                anyField.Add(q, Occur.SHOULD);
            }
            if (anyField.Clauses.Count > 0) query.Add(anyField, Occur.MUST);
        }
        if (text.Words.Length > 0)
        {
            var words = new BooleanQuery();
            foreach (var (field, boost) in fields)
            {
                var perField = new BooleanQuery();
                foreach (var term in Analyze(context, field, text.Words))
                {
                    perField.Add(fuzzy
                        ? new FuzzyQuery(new Term(field, term), term.Length <= 2 ? 0 : term.Length <= 5 ? 1 : 2, prefixLength: 1)
                        : new TermQuery(new Term(field, term)), Occur.SHOULD);
                }
                if (perField.Clauses.Count == 0) continue;
                perField.Boost = boost;
                words.Add(perField, Occur.SHOULD);
            }
            if (words.Clauses.Count > 0) query.Add(words, text.Phrases.Count > 0 ? Occur.SHOULD : Occur.MUST);
        }
        return query.Clauses.Count > 0 ? query : null;
    }

    private static Query? PhraseIn(IndexQueryContext context, string field, string phrase)
    {
        var terms = context.Analyze(field, phrase);
        if (terms.Count == 0) return null;
        if (terms.Count == 1) return new TermQuery(new Term(field, terms[0].Term));
        var query = new PhraseQuery();
        foreach (var (term, position) in terms) query.Add(new Term(field, term), position);
        return query;
    }

    private static List<string> Analyze(IndexQueryContext context, string field, string text) =>
        [.. context.Analyze(field, text).Select(t => t.Term).Distinct()];

    private sealed record FoundHit(string Id, float Score, string? StoredBody);

    private sealed record Found(List<FoundHit> Hits, int Total, Dictionary<string, int> Types, Dictionary<string, int> Topics, Query? Highlight);

    private Task<Found> RunAsync(IndexQueryContext context, Query? text, Filter filter, IReadOnlyList<string> topicFields, int page, int pageSize, CancellationToken ct)
    {
        // The filter adds nothing to a score (as a zero-boost clause did before), so a hit scores by its words alone.
        Query query = text is null ? new ConstantScoreQuery(filter) { Boost = 0 } : new FilteredQuery(text, filter);
        return searchers.SearchAsync(context.IndexName, searcher =>
        {
            var window = page * pageSize;
            var top = TopScoreDocCollector.Create(window, docsScoredInOrder: false);
            var facets = new FacetCollector(IndexFieldNames.ContentType, topicFields);
            searcher.Search(query, MultiCollector.Wrap(top, facets));
            facets.Finish();
            var docs = top.GetTopDocs((page - 1) * pageSize, pageSize);
            var hits = docs.ScoreDocs.Select(d =>
            {
                var doc = searcher.Doc(d.Doc);
                return new FoundHit(doc.Get(IndexFieldNames.ContentItemId) ?? "", d.Score, doc.Get(IndexFieldNames.Body));
            }).Where(h => h.Id.Length > 0).ToList();
            // Fuzzy and prefix queries name their terms only once rewritten against this index.
            var highlight = text is null ? null : searcher.Rewrite(text);
            return new Found(hits, top.TotalHits, facets.Types, facets.Topics, highlight);
        }, ct);
    }

    private SiteSearchHit Hit(ContentItem item, FoundHit hit, IndexQueryContext context, Query? highlight)
    {
        var title = item.DisplayText ?? "";
        var body = hit.StoredBody ?? PlainBody(item);
        return new SiteSearchHit(item, Highlight(context, highlight, IndexFieldNames.DisplayTextAnalyzed, title, int.MaxValue),
            Highlight(context, highlight, IndexFieldNames.Body, body, options.SnippetLength), hit.Score);
    }

    /// <summary>The best fragment with matches in &lt;mark&gt;, everything else HTML-escaped; the start of the text when nothing matches.</summary>
    private static string Highlight(IndexQueryContext context, Query? query, string field, string text, int length)
    {
        if (query is not null && text.Length > 0)
        {
            var scorer = new QueryScorer(query);
            var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), scorer)
            {
                TextFragmenter = length == int.MaxValue ? new NullFragmenter() : new SimpleSpanFragmenter(scorer, length),
                MaxDocCharsToAnalyze = Math.Max(text.Length, 50_000),
            };
            if (highlighter.GetBestFragment(context.Analyzer, field, text) is { Length: > 0 } fragment)
            {
                return fragment;
            }
        }
        var start = text.Length > length ? text[..length].TrimEnd() + "…" : text;
        return WebUtility.HtmlEncode(start);
    }

    /// <summary>The body as plain text when the index does not store it: markup removed, spaces collapsed.</summary>
    private static string PlainBody(ContentItem item)
    {
        var raw = item.Part("MarkdownBodyPart")?["Markdown"]?.ToString()
            ?? item.Part("HtmlBodyPart")?["Html"]?.ToString()
            ?? "";
        return Spaces().Replace(Markup().Replace(raw, " "), " ").Trim();
    }

    [GeneratedRegex(@"<[^>]*>|[#*_`>\[\]]|\]\([^)]*\)")]
    private static partial Regex Markup();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
