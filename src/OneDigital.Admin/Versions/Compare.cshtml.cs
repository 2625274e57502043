// Why: "what changed between these two versions?" answered field by field with both values in words, so it reads the
// same without colour, with a screen reader, or printed. The choice is a GET form: a comparison is a link to share.
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Querying;
using OneDigital.Content.Security;
using OneDigital.Content.Versions;

namespace OneDigital.Admin.Versions;

public sealed class CompareModel(ContentQuery query) : ItemPage(query)
{
    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    public IReadOnlyList<ContentVersionInfo> History { get; private set; } = [];

    public ContentVersionInfo? Older { get; private set; }

    public ContentVersionInfo? Newer { get; private set; }

    /// <summary>Null until two versions were chosen and read.</summary>
    public IReadOnlyList<VersionChange>? Changes { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await LoadAsync(id, Permissions.EditContent) is { } refused) return refused;
        var ct = HttpContext.RequestAborted;
        History = await Query.GetVersionHistoryAsync(id, ct);
        Older = Find(From, "from", "Choose the older version");
        Newer = Find(To, "to", "Choose the newer version");
        if (Older is not null && Newer is not null && Older.ContentItemVersionId == Newer.ContentItemVersionId)
        {
            ModelState.AddModelError("to", "Choose a different version from the older one");
        }
        if (ModelState.IsValid && Older is not null && Newer is not null)
        {
            Changes = await VersionDiff.CompareAsync(Query, id, Older.ContentItemVersionId, Newer.ContentItemVersionId, ct);
        }
        return Page();
    }

    private ContentVersionInfo? Find(string? versionId, string field, string missing)
    {
        if (string.IsNullOrEmpty(versionId))
        {
            ModelState.AddModelError(field, missing);
            return null;
        }
        var found = History.FirstOrDefault(v => v.ContentItemVersionId == versionId);
        if (found is null)
        {
            ModelState.AddModelError(field, "This item has no such version; choose one from the list");
        }
        return found;
    }

    public SelectField VersionField(string name, string label, string? selected) =>
        new(name, label, [.. History.Reverse().Select(v => new Choice(v.ContentItemVersionId, VersionsModel.VersionLabel(v)) { Selected = v.ContentItemVersionId == selected })]);

    public static string ChangeText(VersionChangeKind kind) => kind switch
    {
        VersionChangeKind.Added => "Added",
        VersionChangeKind.Removed => "Removed",
        _ => "Changed",
    };
}
