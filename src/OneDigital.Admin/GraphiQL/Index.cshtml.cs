// Why: GraphiQL is a tool for those who may run GraphQL queries (Orchard's ExecuteGraphQL); the page is its frame,
// the script starts it, and without scripts the page says what it needs.
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Content.Security;

namespace OneDigital.Admin.GraphiQL;

public sealed class GraphiQLModel(IAntiforgery antiforgery) : AdminPage
{
    /// <summary>Shown in the editor when GraphiQL opens.</summary>
    public const string DefaultQuery = """
        # Runs as you: the items and fields you may see. Ctrl+Enter runs the query;
        # the Docs button (top left) explores the schema.
        {
          blogPost(first: 5) {
            contentItemId
            displayText
            publishedUtc
          }
        }
        """;

    public string Token { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        if (await DemandAsync(Permissions.ExecuteGraphQL) is { } refused) return refused;
        Token = antiforgery.GetAndStoreTokens(HttpContext).RequestToken ?? "";
        return Page();
    }
}
