// Why: editors find content here: every type or one, filtered by status, owner and title, sorted and paged by the
// store (ContentQuery), showing only what they may see, with the actions they may take on each row.
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Admin.Security;
using OneDigital.Admin.Shared.Paging;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Items;
using OneDigital.Content.Querying;
using OneDigital.Content.Store;

namespace OneDigital.Admin.ContentItems;

public sealed class IndexModel(ContentScope scope, ContentQuery query, ContentActions actions, UserManager<User> users) : AdminPage
{
    /// <summary>Items a page when the administrator stored no page size (Settings: Orchard's SiteSettings.PageSize).</summary>
    public const int DefaultPageSize = 20;

    /// <summary>Items a page: the site's stored page size, else <see cref="DefaultPageSize"/>.</summary>
    public int PageSize => HttpContext.RequestServices.GetRequiredService<OneDigital.Content.Settings.StoredSiteSettings>().Current.PageSize ?? DefaultPageSize;

    public static readonly IReadOnlyList<Choice> Statuses =
    [
        new("", "Any status"), new("draft", "Draft (including newer drafts of published items)"), new("published", "Published"), new("scheduled", "Scheduled"),
    ];

    public static readonly IReadOnlyList<Choice> Sorts =
    [
        new("modified", "Last modified"), new("created", "Created"), new("published", "Published"), new("title", "Title"),
    ];

    [FromQuery(Name = "type")] public string? Type { get; set; }
    [FromQuery(Name = "status")] public string? Status { get; set; }
    /// <summary>"me", "user" (with <see cref="UserName"/>) or anyone (empty).</summary>
    [FromQuery(Name = "owner")] public string? Owner { get; set; }
    [FromQuery(Name = "user")] public string? UserName { get; set; }
    [FromQuery(Name = "q")] public string? Text { get; set; }
    [FromQuery(Name = "sort")] public string? Sort { get; set; }
    [FromQuery(Name = "dir")] public string? Direction { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    [FromQuery(Name = "select")] public string? Select { get; set; }

    public IReadOnlyList<VisibleType> Types { get; private set; } = [];
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }

    /// <summary>The notification after an action (set by the action pages, shown once).</summary>
    [TempData] public string? Banner { get; set; }
    [TempData] public string? BannerDetails { get; set; }
    [TempData] public bool BannerIsProblem { get; set; }

    public bool SelectAll => Select == "all";
    public bool Descending => Direction != "asc";
    public int LastPage => PageLinks.LastPageOf(Total, PageSize);
    public string ReturnUrl => ContentRoutes.List + Request.QueryString.Value;

    public sealed record Row(ContentItem Item, string TypeName, ContentItemState State, string? OwnerName, IReadOnlySet<ContentAction> Allowed)
    {
        public string StatusText => State switch
        {
            { HasPublished: true, HasDraft: true } => "Published, newer draft",
            { HasPublished: true } => "Published",
            _ => "Draft",
        };
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        // Every type the user may edit, blog posts too though they are not Listable: the list is where editors find them.
        Types = await scope.TypesAsync(User, ct, unlistedToo: true, editableOnly: true);
        var shown = Types;
        if (!string.IsNullOrEmpty(Type))
        {
            shown = [.. Types.Where(t => string.Equals(t.Name, Type, StringComparison.Ordinal))];
            // A type the user may not see is refused, not silently shown empty.
            if (shown.Count == 0) return new ForbiddenResult();
        }
        string? ownerId = null;
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (Owner == "me")
        {
            ownerId = userId;
        }
        else if (Owner == "user")
        {
            var named = string.IsNullOrWhiteSpace(UserName) ? null : await users.FindByNameAsync(UserName.Trim());
            if (named is null)
            {
                var message = string.IsNullOrWhiteSpace(UserName) ? "Enter the user name of the owner" : $"There is no user named {UserName.Trim()}";
                ModelState.AddModelError("user", message);
            }
            ownerId = named?.Id;
        }
        if (shown.Count == 0 || !ModelState.IsValid) return Page();

        var filters = new List<ContentFilter>();
        if (await scope.FilterAsync(shown, userId, ct) is { } visible) filters.Add(visible);
        if (!string.IsNullOrWhiteSpace(Text))
        {
            filters.Add(new ContentFilter.Column(ContentColumn.DisplayText, FilterOperator.Contains, Text.Trim()));
        }
        var request = new ContentListRequest(shown.Count == 1 ? shown[0].Name : null)
        {
            Status = Status switch
            {
                "draft" => ContentStatus.Draft,
                "published" => ContentStatus.Published,
                "scheduled" => ContentStatus.Scheduled,
                _ => ContentStatus.Latest,
            },
            OwnedBy = Owner is "me" or "user" ? new ContentOwner(ownerId) : null,
            Filter = filters.Count == 0 ? null : new ContentFilter.And(filters),
            Sort = [new ContentSort.ByColumn(SortColumn(Sort), Descending)],
        };
        Total = await query.CountAsync(request, ct);
        PageNumber = Math.Clamp(PageNumber, 1, LastPage);
        var items = await query.ListAsync(request with { Skip = (PageNumber - 1) * PageSize, Take = PageSize }, ct);
        var states = await query.GetStatesAsync([.. items.Select(i => i.ContentItemId)], ct);
        var ownerIds = items.Select(i => i.Owner).OfType<string>().Distinct().ToList();
        var ownerNames = await users.Users.Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName, ct);
        var typeNames = Types.ToDictionary(t => t.Name, t => t.DisplayName);
        var rows = new List<Row>();
        foreach (var item in items)
        {
            var allowed = new HashSet<ContentAction>();
            foreach (var action in Enum.GetValues<ContentAction>())
            {
                if (ContentActions.NotApplicable(action, states[item.ContentItemId]) is null && await actions.MayAsync(User, action, item, ct)) allowed.Add(action);
            }
            rows.Add(new Row(item, typeNames.GetValueOrDefault(item.ContentType, item.ContentType), states[item.ContentItemId],
                item.Owner is null ? null : ownerNames.GetValueOrDefault(item.Owner), allowed));
        }
        Rows = rows;
        return Page();
    }

    private static ContentColumn SortColumn(string? sort) => sort switch
    {
        "created" => ContentColumn.CreatedUtc,
        "published" => ContentColumn.PublishedUtc,
        "title" => ContentColumn.DisplayText,
        _ => ContentColumn.ModifiedUtc,
    };

    /// <summary>This list's address with some parameters changed (null removes one); for paging and select-all links.</summary>
    public string With(params (string Key, string? Value)[] changes) => PageLinks.With(Request, ContentRoutes.List, changes);

    public string Range() => PageLinks.Range(PageNumber, PageSize, Total, "items", "No items");

    public static string When(DateTime? utc) =>
        utc is { } value ? value.ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.GetCultureInfo("en-GB")) : "";
}
