// Why: a post or a case study names its topics (and region) as term ids; readers need the names, links to the hub
// filtered by each, and for a post a few newer items on the same topics to read next.
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OneDigital.Content.Items;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Media;
using OneDigital.Content.Media.Images;
using OneDigital.Content.Querying;
using OneDigital.Site.Hub;
using OneDigital.Site.Models;
using OneDigital.Site.Pages;

namespace OneDigital.Site.Blog;

/// <summary>The model of a BlogPost's or CaseStudy's page (<see cref="TopicalItemView"/>).</summary>
internal sealed class TopicalPageModel(string contentType, bool related, ContentQuery query, ItemViews views, SiteTaxonomies taxonomies,
    MediaOriginals originals) : IItemPageModel
{
    /// <summary>How many related items a post shows.</summary>
    public const int RelatedShown = 3;

    public string ContentType => contentType;

    public async Task<object> BuildAsync(HttpContext http, ContentItem item, ItemView view)
    {
        var ct = http.RequestAborted;
        var topics = SiteTaxonomies.Named(await taxonomies.TermsAsync(SiteTaxonomies.Topics, ct), view.Fields.GetValueOrDefault(HubListing.TopicsField));
        var regions = SiteTaxonomies.Named(await taxonomies.TermsAsync(SiteTaxonomies.Regions, ct), view.Fields.GetValueOrDefault(HubListing.RegionField));
        IReadOnlyList<ItemView> relatedItems = [];
        if (related && topics.Count > 0)
        {
            relatedItems = await views.SummariesAsync(await NewestOnTopicsAsync(item, [.. topics.Select(t => t.Id)], ct), ct);
        }
        return new TopicalItemView
        {
            Item = view,
            Topics = topics,
            Regions = regions,
            Related = relatedItems,
            Image = ImageOf(http, view),
        };
    }

    /// <summary>
    /// The newest hub items on any of the topics, the item itself aside: the few newest of each type, merged. One
    /// list over the four types would read every item on the topics and sort them, since no index is in published
    /// order across types; each type's list walks its own (type, published, date) index and stops after the page.
    /// </summary>
    private async Task<List<ContentItem>> NewestOnTopicsAsync(ContentItem item, string[] topicIds, CancellationToken ct)
    {
        var newest = new List<ContentItem>();
        foreach (var type in HubListing.Types)
        {
            var request = HubListing.Request([type.ContentType], topicIds, null, exceptContentItemId: item.ContentItemId) with { Take = RelatedShown };
            newest.AddRange(await query.ListAsync(request, ct));
        }
        return [.. newest.OrderByDescending(i => i.PublishedUtc).Take(RelatedShown)];
    }

    // The first image of the Image field, with its size read from the file so the page does not jump as it loads,
    // its fingerprint (so the browser keeps it for a year) and the widths the theme offers in its srcset.
    private ImageView? ImageOf(HttpContext http, ItemView view)
    {
        if (view.Fields.GetValueOrDefault("Image") is not IReadOnlyList<MediaView> { Count: > 0 } media)
        {
            return null;
        }
        var original = MediaOriginals.PathOf(media[0].Url) is { } path ? originals.Find(path) : null;
        var size = original is null ? null : ImageSize.Read(original.FullPath);
        if (original is null || size is null)
        {
            return new ImageView(media[0].Url, media[0].Text ?? "", size?.Width, size?.Height);
        }
        var sizes = http.RequestServices.GetRequiredService<IOptions<MediaImageOptions>>().Value.Sizes;
        return new ImageView(MediaUrls.WithResize(media[0].Url, new ImageResize(), original.Stamp), media[0].Text ?? "", size.Value.Width, size.Value.Height)
        {
            Widths = [.. sizes.Where(w => w >= ImageView.SmallestWidth && w <= ImageView.LargestWidth && w <= size.Value.Width).Order()],
        };
    }
}

/// <summary>The model of Content-BlogPost.liquid and Content-CaseStudy.liquid.</summary>
public sealed class TopicalItemView
{
    public required ItemView Item { get; init; }

    /// <summary>The item's topics, each linking to the Knowledge Hub filtered by it.</summary>
    public IReadOnlyList<TermView> Topics { get; init; } = [];

    /// <summary>A case study's region(s).</summary>
    public IReadOnlyList<TermView> Regions { get; init; } = [];

    /// <summary>For a post: the newest other items on any of its topics.</summary>
    public IReadOnlyList<ItemView> Related { get; init; } = [];

    public ImageView? Image { get; init; }
}

/// <summary>An image as a page shows it: its address, alternative text (empty when decorative) and size when known.</summary>
public sealed record ImageView(string Url, string Alt, int? Width, int? Height)
{
    /// <summary>The smallest width offered in a srcset; smaller ones save too little to be worth a variant.</summary>
    public const int SmallestWidth = 240;

    /// <summary>The largest: the text column is 960 pixels at most, and larger files would break the page-weight budget.</summary>
    public const int LargestWidth = 1024;

    /// <summary>The supported sizes from <see cref="SmallestWidth"/> to the image's own width (at most <see cref="LargestWidth"/>) the theme offers in <c>srcset</c>; empty: the original only.</summary>
    public IReadOnlyList<int> Widths { get; init; } = [];
}
