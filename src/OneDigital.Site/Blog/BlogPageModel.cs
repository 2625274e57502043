// Why: a blog's page lists its posts newest first, a page at a time with real links, however many posts it holds;
// the list is read through ContentQuery (the posts in this blog by the field index), so a deep page stays cheap.
using Microsoft.AspNetCore.Http;
using OneDigital.Content.Items;
using OneDigital.Content.Querying;
using OneDigital.Site.Hub;
using OneDigital.Site.Models;
using OneDigital.Site.Pages;

namespace OneDigital.Site.Blog;

/// <summary>The model of a Blog's page (<see cref="BlogView"/>): the blog and a page of its published posts.</summary>
internal sealed class BlogPageModel(ContentQuery query, ItemViews views) : IItemPageModel
{
    public const int PageSize = 10;

    public string ContentType => "Blog";

    public async Task<object> BuildAsync(HttpContext http, ContentItem item, ItemView view)
    {
        var ct = http.RequestAborted;
        // A page number that is not one (or past the last) shows the list's own "no posts on this page".
        var page = Paging.Requested(http.Request) ?? 1;
        var request = PostsOf(item.ContentItemId);
        var total = await query.CountAsync(request, ct);
        var posts = await query.ListAsync(request with { Skip = (page - 1) * PageSize, Take = PageSize }, ct);
        var path = view.Url ?? http.Request.Path.Value ?? "/";
        return new BlogView
        {
            Blog = view,
            Posts = Paging.View(await views.SummariesAsync(posts, ct), total, page, PageSize, n => Paging.Url(path, [], n), "posts"),
        };
    }

    /// <summary>The blog's published posts, newest first.</summary>
    public static ContentListRequest PostsOf(string blogId) => new("BlogPost")
    {
        Filter = new ContentFilter.Field("ContainedPart", "ListContentItemId", FieldValueKind.Text, FilterOperator.Equal, blogId),
        Sort = [new ContentSort.ByColumn(ContentColumn.PublishedUtc, Descending: true)],
    };
}

/// <summary>The model of Content-Blog.liquid.</summary>
public sealed class BlogView
{
    public required ItemView Blog { get; init; }

    public required ResultsView Posts { get; init; }
}
