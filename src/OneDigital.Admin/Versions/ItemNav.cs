// Why: the item's pages link to each other the same way on each of them.
namespace OneDigital.Admin.Versions;

/// <summary>The model of <c>_ItemNav.cshtml</c>: the item and which of its pages is shown.</summary>
public sealed record ItemNav(string Id, string Current)
{
    public static readonly IReadOnlyList<(string Page, string Text)> Pages =
        [("edit", "Edit"), ("versions", "Versions"), ("preview", "Preview"), ("schedule", "Schedule")];
}
