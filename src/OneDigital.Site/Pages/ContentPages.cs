// Why: an item's address is its AutoroutePart path and nothing else, so editors choose URLs in the admin and the site
// follows; the home page gathers the newest of each kind so it stays current without an editor touching it.
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Items;
using OneDigital.Content.Querying;
using OneDigital.Content.Settings;
using OneDigital.Site.Bulletin;
using OneDigital.Site.Events;
using OneDigital.Site.Forms;
using OneDigital.Site.Gone;
using OneDigital.Site.Models;
using OneDigital.Site.Seo;
using OneDigital.Site.Theme;

namespace OneDigital.Site.Pages;

/// <summary>The home page and every routable published item at its path.</summary>
internal static class ContentPages
{
    /// <summary>How many posts, case studies and events the home page lists.</summary>
    public const int HomeListLength = 3;

    /// <summary>The item whose path is the request's, in Content-{Type}; 410 for a removed item's path; 404 otherwise (a draft, unpublished, never there).</summary>
    public static async Task<IResult> ItemAsync(HttpContext http, ContentQuery query, ItemViews views, string? path)
    {
        if (!SiteServices.IsSitePath(http.Request.Path))
        {
            // An unknown admin or API address answers as its owner's would, not with a page of the site.
            return Results.NotFound();
        }
        var ct = http.RequestAborted;
        path = path?.Trim('/');
        if (string.IsNullOrEmpty(path))
        {
            return await HomeAsync(http, query, views);
        }
        var item = await query.GetByPathAsync(path, ct: ct);
        if (item is null)
        {
            return await http.RequestServices.GetRequiredService<RemovedPaths>().IsGoneAsync(path, ct) ? SitePage.Gone() : SitePage.NotFound();
        }
        return await RenderItemAsync(http, views, item, preview: false);
    }

    /// <summary>
    /// An item's page through its type's page model and <c>Content-{Type}</c>; a <paramref name="preview"/> (a draft
    /// seen through a preview link) is the same page, marked as not published, with no canonical link and noindex.
    /// </summary>
    internal static async Task<IResult> RenderItemAsync(HttpContext http, ItemViews views, ContentItem item, bool preview)
    {
        var view = await views.DetailAsync(item, http.RequestAborted);
        var pageModel = http.RequestServices.GetServices<IItemPageModel>().FirstOrDefault(p => p.ContentType == item.ContentType);
        var model = pageModel is null ? view : await pageModel.BuildAsync(http, item, view);
        return SitePage.Render(ThemeRenderer.ContentTemplates(item.ContentType), model,
            new PageView
            {
                Title = view.DisplayText,
                Path = preview ? null : view.Url,
                Description = MetaDescription.Of(view),
                OpenGraphType = "article",
                ImagePath = view.Fields.TryGetValue("Image", out var image) && image is IReadOnlyList<MediaView> { Count: > 0 } media ? media[0].Url : null,
                NoIndex = preview,
                Preview = preview,
            });
    }

    private static async Task<IResult> HomeAsync(HttpContext http, ContentQuery query, ItemViews views)
    {
        var ct = http.RequestAborted;
        var settings = await http.RequestServices.GetRequiredService<SiteSettingsStore>().GetAsync(ct);
        // Orchard's HomeRoute names the item the site opens with (the setup recipe: the About page).
        var introId = JsonValues.NonEmptyString(settings["HomeRoute"]?["ContentItemId"]);
        var intro = introId is null ? null : await query.GetPublishedAsync(introId, ct);
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var nextEvents = await query.ListAsync(new ContentListRequest("Event")
        {
            Filter = new ContentFilter.Field("Event", "StartsAt", FieldValueKind.Date, FilterOperator.GreaterThanOrEqual, now),
            Sort = [new ContentSort.ByField("Event", "StartsAt", FieldValueKind.Date)],
            Take = HomeListLength,
        }, ct);
        await EventPages.NoteNextStartAsync(http, query, nextEvents, now, ct);
        var home = new HomeView
        {
            Intro = intro is null ? null : (await views.SummariesAsync([intro], ct))[0],
            LatestPosts = await views.SummariesAsync(await query.ListAsync(Newest("BlogPost"), ct), ct),
            LatestCaseStudies = await views.SummariesAsync(await query.ListAsync(Newest("CaseStudy"), ct), ct),
            NextEvents = await views.SummariesAsync(nextEvents, ct),
            BulletinForm = BulletinPages.NewForm(http.RequestServices.GetRequiredService<FormGuard>(), "site:home"),
        };
        return SitePage.Render("Home", home, new PageView
        {
            Title = intro?.DisplayText ?? "Home",
            Path = "/",
            Description = home.Intro is null ? null : MetaDescription.Of(home.Intro),
        });
    }

    private static ContentListRequest Newest(string type) => new(type)
    {
        Sort = [new ContentSort.ByColumn(ContentColumn.PublishedUtc, Descending: true)],
        Take = HomeListLength,
    };
}

/// <summary>The home page's model (Home.liquid).</summary>
public sealed class HomeView
{
    /// <summary>The item the site settings' HomeRoute names: what the Community of Practice is.</summary>
    public ItemView? Intro { get; init; }

    public IReadOnlyList<ItemView> LatestPosts { get; init; } = [];

    public IReadOnlyList<ItemView> LatestCaseStudies { get; init; } = [];

    /// <summary>Events starting from now, soonest first.</summary>
    public IReadOnlyList<ItemView> NextEvents { get; init; } = [];

    /// <summary>The e-bulletin sign-up form in the home page's slot (its token is stateless, so the page stays cacheable).</summary>
    public FormView? BulletinForm { get; init; }
}
