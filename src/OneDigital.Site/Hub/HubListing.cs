// Why: the hub, the case studies list and a post's related items are one question of the store — published items of
// some types, with some topics (and a region), newest first — asked through ContentQuery's filter model, so the
// field index does the taxonomy matching and a deep page reads only its own documents.
using OneDigital.Content.Querying;

namespace OneDigital.Site.Hub;

/// <summary>A kind of item the Knowledge Hub lists: its content type, the slug of its filter and its name.</summary>
public sealed record HubType(string ContentType, string Slug, string Name);

/// <summary>What the Knowledge Hub lists and how its lists are asked of the store.</summary>
public static class HubListing
{
    public const string TopicsField = "Topics";
    public const string RegionField = "Region";
    public const string CaseStudy = "CaseStudy";

    /// <summary>The types together in the hub, in the order its type filter offers them.</summary>
    public static readonly IReadOnlyList<HubType> Types =
    [
        new("BlogPost", "blog-post", "Blog posts"),
        new(CaseStudy, "case-study", "Case studies"),
        new("Report", "report", "Reports"),
        new("Event", "event", "Events"),
    ];

    /// <summary>
    /// Published items of <paramref name="contentTypes"/> (each type holds its topics in its own part's Topics
    /// field), with any of <paramref name="topicIds"/> when given, in <paramref name="regionId"/> when given (case
    /// studies only), newest published first.
    /// </summary>
    public static ContentListRequest Request(IReadOnlyList<string> contentTypes, IReadOnlyList<string> topicIds, string? regionId,
        string? exceptContentItemId = null)
    {
        var filters = new List<ContentFilter>();
        if (contentTypes.Count != 1)
        {
            filters.Add(new ContentFilter.Column(ContentColumn.ContentType, FilterOperator.In, contentTypes.ToArray()));
        }
        if (topicIds.Count > 0)
        {
            filters.Add(new ContentFilter.Or([.. contentTypes.Select(type => (ContentFilter)new ContentFilter.Field(
                type, TopicsField, FieldValueKind.Text, FilterOperator.In, topicIds.ToArray()))]));
        }
        if (regionId is not null)
        {
            filters.Add(new ContentFilter.Field(CaseStudy, RegionField, FieldValueKind.Text, FilterOperator.Equal, regionId));
        }
        if (exceptContentItemId is not null)
        {
            filters.Add(new ContentFilter.Not(new ContentFilter.Column(ContentColumn.ContentItemId, FilterOperator.Equal, exceptContentItemId)));
        }
        return new ContentListRequest(contentTypes.Count == 1 ? contentTypes[0] : null)
        {
            Filter = filters.Count == 0 ? null : new ContentFilter.And(filters),
            Sort = [new ContentSort.ByColumn(ContentColumn.PublishedUtc, Descending: true)],
        };
    }
}
