// Why: readers search from the box on every page; the page turns what they typed into a request to Search's site
// search service and its answer into plain values, and answers a query it will not run with a message, never an error.
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Definitions;
using OneDigital.Content.Items;
using OneDigital.Content.Querying;
using OneDigital.Search.SiteSearch;
using OneDigital.Site.Models;
using OneDigital.Site.Pages;

namespace OneDigital.Site.Search;

/// <summary><c>GET /search?q=…&amp;type=…&amp;topic=…&amp;page=…</c>.</summary>
internal static class SearchPage
{
    public const string Path = "/search";

    /// <summary>Longer queries get a message: nobody types them, and each word costs the index work.</summary>
    public const int MaxQueryLength = 200;

    public const int PageSize = 10;

    /// <summary>Deeper pages cost the index a longer window for results nobody reads.</summary>
    public const int MaxPage = 100;

    /// <summary>How many numbered page links show either side of the current one.</summary>
    private const int PageLinksAround = 2;

    public static IEndpointRouteBuilder MapSiteSearch(this IEndpointRouteBuilder app)
    {
        // Results follow the search index, which catches up with a publish a moment after the content change stamp
        // moves: the search policy keys entries on the index's progress too.
        app.MapGet(Path, SearchAsync).CacheOutput(SiteServices.SearchPolicy);
        return app;
    }

    private static async Task<IResult> SearchAsync(HttpContext http, SiteSearchService search, ContentQuery query, ContentDefinitionStore definitions)
    {
        var ct = http.RequestAborted;
        var args = http.Request.Query;
        var text = ((string?)args["q"] ?? "").Trim();
        var type = NonEmpty(args["type"]);
        var topic = NonEmpty(args["topic"]);
        var page = int.TryParse(args["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? Math.Clamp(p, 1, MaxPage) : 1;
        var pageView = new PageView
        {
            Title = text.Length > 0 ? "Search results" : "Search",
            Path = Path,
            NoIndex = true,
            Description = "Search the One Digital Community of Practice's blogs, case studies, reports and events.",
        };

        if (text.Length == 0)
        {
            return SitePage.Render("Search", new SearchView { Message = "Enter the words you want to search for." }, pageView);
        }
        if (text.Length > MaxQueryLength)
        {
            return SitePage.Render("Search", new SearchView
            {
                Query = text[..MaxQueryLength],
                Message = $"Your search is too long. Use {MaxQueryLength} characters or fewer.",
            }, pageView);
        }

        var result = await search.SearchAsync(new SiteSearchRequest(text, page, PageSize, type, topic), http.User, ct);
        var definitionDocument = await definitions.GetAsync(ct);
        var topicNames = await TopicNamesAsync(query, ct);
        string Link(string? withType, string? withTopic, int atPage = 1) => Url(text, withType, withTopic, atPage);

        var pages = (int)Math.Min(MaxPage, Math.Ceiling(result.Total / (double)PageSize));
        var active = new List<FacetView>();
        if (type is not null)
        {
            active.Add(new FacetView(TypeName(definitionDocument, type), result.Total, Link(null, topic), true));
        }
        if (topic is not null)
        {
            active.Add(new FacetView(topicNames.GetValueOrDefault(topic, "Topic"), result.Total, Link(type, null), true));
        }
        return SitePage.Render("Search", new SearchView
        {
            Query = text,
            Searched = true,
            Total = result.Total,
            First = result.Items.Count == 0 ? 0 : ((page - 1) * PageSize) + 1,
            Last = ((page - 1) * PageSize) + result.Items.Count,
            Fuzzy = result.UsedFuzzy,
            Results = [.. result.Items.Select(hit => new SearchResultView
            {
                Title = MarkedText.Safe(hit.Title),
                Url = ItemViews.UrlOf(hit.Item),
                Type = TypeName(definitionDocument, hit.Item.ContentType),
                PublishedUtc = hit.Item.PublishedUtc,
                Snippet = string.IsNullOrWhiteSpace(hit.Snippet) ? null : MarkedText.Safe(hit.Snippet),
            })],
            Types = [.. result.ContentTypes.Where(t => t.Value > 0)
                .Select(t => new FacetView(TypeName(definitionDocument, t.Key), t.Value, Link(t.Key, topic), t.Key == type))
                .OrderByDescending(f => f.Count).ThenBy(f => f.Text, StringComparer.Ordinal)],
            Topics = [.. result.Topics.Where(t => t.Value > 0 && topicNames.ContainsKey(t.Key))
                .Select(t => new FacetView(topicNames[t.Key], t.Value, Link(type, t.Key), t.Key == topic))
                .OrderByDescending(f => f.Count).ThenBy(f => f.Text, StringComparer.Ordinal)],
            ActiveFilters = active,
            Pages = [.. Enumerable.Range(1, pages)
                .Where(n => n == 1 || n == pages || Math.Abs(n - page) <= PageLinksAround)
                .Select(n => new PageLinkView(n, Link(type, topic, n), n == page))],
            PreviousUrl = page > 1 ? Link(type, topic, page - 1) : null,
            NextUrl = page < pages ? Link(type, topic, page + 1) : null,
        }, pageView);
    }

    /// <summary>The search page's address for these words, filters and page (page 1 unnamed).</summary>
    public static string Url(string text, string? type, string? topic, int page = 1)
    {
        var args = new List<KeyValuePair<string, string?>> { new("q", text) };
        if (type is not null) args.Add(new("type", type));
        if (topic is not null) args.Add(new("topic", topic));
        if (page > 1) args.Add(new("page", page.ToString(CultureInfo.InvariantCulture)));
        return Path + QueryString.Create(args).Value;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string TypeName(ContentDefinitionDocument definitions, string type) =>
        definitions.Type(type)?.DisplayName is { Length: > 0 } name ? name : type;

    /// <summary>Every published taxonomy's terms by id (terms nest inside their taxonomy item).</summary>
    private static async Task<Dictionary<string, string>> TopicNamesAsync(ContentQuery query, CancellationToken ct)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var taxonomy in await query.ListAsync(new ContentListRequest("Taxonomy"), ct))
        {
            AddTerms(taxonomy.Part("TaxonomyPart")?["Terms"] as JsonArray, names);
        }
        return names;
    }

    private static void AddTerms(JsonArray? terms, Dictionary<string, string> names)
    {
        foreach (var term in terms?.OfType<JsonObject>() ?? [])
        {
            if (JsonValues.NonEmptyString(term["ContentItemId"]) is { } id && JsonValues.NonEmptyString(term["DisplayText"]) is { } text)
            {
                names.TryAdd(id, text);
            }
            AddTerms(term["Terms"] as JsonArray, names);
        }
    }
}
