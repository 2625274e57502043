// Why: a picker's search box must stay fast with 100,000 items and must never offer what the editor may not see. The
// script's JSON endpoint and the no-script Search button both ask here, so they always agree: the content list's
// title search (ContentQuery's DisplayText contains, narrowed by the trigram index) over the field's types, kept to
// the editor's visible items by the content list's own rule (ContentScope), and users by name or email.
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneDigital.Admin.ContentItems;
using OneDigital.Content.Definitions;
using OneDigital.Content.Querying;
using OneDigital.Content.Security;
using OneDigital.Content.Store;

namespace OneDigital.Admin.Editing.Pickers;

/// <summary>One item or user a picker shows: what is stored, what is read, and the type and status beside it.</summary>
public sealed record PickerOption(string Id, string Text, string? Type = null, string? Status = null)
{
    /// <summary>The text with the type and status, as the chosen list and the results show it.</summary>
    public string Description => Type is null ? Text : $"{Text} ({Type}, {Status})";
}

public sealed class PickerSearch(ContentQuery query, ContentScope scope, PermissionService permissions, UserManager<User> users)
{
    /// <summary>How many matches a search returns: enough to choose from, few enough to read.</summary>
    public const int Limit = 20;

    /// <summary>The types a content picker offers: its DisplayedContentTypes, or every type when it says so or names none.</summary>
    public static IReadOnlyList<string> AllowedTypes(ContentPickerFieldSettings settings, ContentDefinitionDocument definitions) =>
        settings.DisplayAllContentTypes || settings.DisplayedContentTypes.Length == 0
            ? [.. definitions.ContentTypes.Select(t => t.Name)]
            : [.. settings.DisplayedContentTypes.Where(t => definitions.Type(t) is not null)];

    /// <summary>Items of the allowed types whose title contains <paramref name="text"/> (all when empty), latest versions, by title.</summary>
    public async Task<IReadOnlyList<PickerOption>> ItemsAsync(ClaimsPrincipal user, ContentDefinitionDocument definitions,
        IReadOnlyList<string> types, string? text, IReadOnlyCollection<string> except, CancellationToken ct)
    {
        var visible = new List<VisibleType>();
        foreach (var type in types)
        {
            var all = await permissions.IsGrantedForTypeAsync(user, Permissions.ViewContent, type, ct)
                || await permissions.IsGrantedForTypeAsync(user, Permissions.ListContent, type, ct);
            var own = all || await permissions.IsGrantedForTypeAsync(user, Permissions.ViewOwnContent, type, ct)
                || await permissions.IsGrantedForTypeAsync(user, Permissions.EditOwnContent, type, ct);
            if (own) visible.Add(new VisibleType(type, definitions.Type(type)?.DisplayName ?? type, all, false));
        }
        if (visible.Count == 0) return [];
        var filters = new List<ContentFilter>();
        if (await scope.FilterAsync(visible, user.FindFirstValue(ClaimTypes.NameIdentifier), ct) is { } keep) filters.Add(keep);
        else if (visible.Count > 1) filters.Add(new ContentFilter.Column(ContentColumn.ContentType, FilterOperator.In, visible.Select(t => t.Name).ToList()));
        if (text?.Trim() is { Length: > 0 } words) filters.Add(new ContentFilter.Column(ContentColumn.DisplayText, FilterOperator.Contains, words));
        if (except.Count > 0) filters.Add(new ContentFilter.Not(new ContentFilter.Column(ContentColumn.ContentItemId, FilterOperator.In, except.ToList())));
        var items = await query.ListAsync(new ContentListRequest(visible.Count == 1 ? visible[0].Name : null)
        {
            Status = ContentStatus.Latest,
            Filter = filters.Count == 0 ? null : new ContentFilter.And(filters),
            Sort = [new ContentSort.ByColumn(ContentColumn.DisplayText, false)],
            Take = Limit,
        }, ct);
        return await DescribeAsync(items, definitions, ct);
    }

    /// <summary>The chosen items in the order given; an id no longer found is shown as such, so saving keeps or drops it knowingly.</summary>
    public async Task<IReadOnlyList<PickerOption>> ChosenItemsAsync(IReadOnlyList<string> ids, ContentDefinitionDocument definitions, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var found = new List<Content.Items.ContentItem>();
        foreach (var id in ids)
        {
            if (await query.GetLatestAsync(id, ct) is { } item) found.Add(item);
        }
        var described = (await DescribeAsync(found, definitions, ct)).ToDictionary(o => o.Id, StringComparer.Ordinal);
        return [.. ids.Select(id => described.GetValueOrDefault(id) ?? new PickerOption(id, $"Missing item {id}", "not found", "deleted"))];
    }

    /// <summary>Users whose name or email contains <paramref name="text"/>, by name; only those in the field's roles unless it shows all users.</summary>
    public async Task<IReadOnlyList<PickerOption>> UsersAsync(UserPickerFieldSettings settings, string? text, IReadOnlyCollection<string> except, CancellationToken ct)
    {
        var words = text?.Trim().ToUpperInvariant() is { Length: > 0 } w ? w : null;
        if (!settings.DisplayAllUsers)
        {
            // Role members are read per role (Identity's own query); a picker limited to roles names few of them.
            var members = new Dictionary<string, User>(StringComparer.Ordinal);
            foreach (var role in settings.DisplayedRoles)
            {
                foreach (var member in await users.GetUsersInRoleAsync(role)) members[member.Id] = member;
            }
            return [.. members.Values
                .Where(u => !except.Contains(u.Id))
                .Where(u => words is null || (u.NormalizedUserName ?? "").Contains(words, StringComparison.Ordinal) || (u.NormalizedEmail ?? "").Contains(words, StringComparison.Ordinal))
                .OrderBy(u => u.UserName, StringComparer.OrdinalIgnoreCase).Take(Limit)
                .Select(u => new PickerOption(u.Id, u.UserName ?? u.Id))];
        }
        var matching = users.Users.Where(u => !except.Contains(u.Id));
        if (words is not null) matching = matching.Where(u => u.NormalizedUserName!.Contains(words) || u.NormalizedEmail!.Contains(words));
        var found = await matching.OrderBy(u => u.NormalizedUserName).Take(Limit).Select(u => new { u.Id, u.UserName }).ToListAsync(ct);
        return [.. found.Select(u => new PickerOption(u.Id, u.UserName ?? u.Id))];
    }

    /// <summary>The chosen users in the order given; a deleted user is shown as such.</summary>
    public async Task<IReadOnlyList<PickerOption>> ChosenUsersAsync(IReadOnlyList<string> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var found = await users.Users.Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.UserName }).ToDictionaryAsync(u => u.Id, u => u.UserName, ct);
        return [.. ids.Select(id => new PickerOption(id, found.TryGetValue(id, out var name) ? name ?? id : $"Missing user {id}"))];
    }

    private async Task<IReadOnlyList<PickerOption>> DescribeAsync(IReadOnlyList<Content.Items.ContentItem> items, ContentDefinitionDocument definitions, CancellationToken ct)
    {
        var states = await query.GetStatesAsync([.. items.Select(i => i.ContentItemId)], ct);
        return [.. items.Select(i => new PickerOption(
            i.ContentItemId,
            i.DisplayText is { Length: > 0 } title ? title : i.ContentItemId,
            definitions.Type(i.ContentType)?.DisplayName ?? i.ContentType,
            states.TryGetValue(i.ContentItemId, out var state) ? StatusText(state) : "Draft"))];
    }

    private static string StatusText(ContentItemState state) => state switch
    {
        { HasPublished: true, HasDraft: true } => "Published, newer draft",
        { HasPublished: true } => "Published",
        _ => "Draft",
    };
}
