// Why: GraphiQL is a developer's tool. The setup recipe grants ExecuteGraphQL to Anonymous and Authenticated (partners'
// public reads), so that name would put it in every contributor's admin; it asks for Orchard's stronger GraphQL
// permission, ExecuteGraphQLMutations (which implies ExecuteGraphQL; administrators hold it). The page is its frame,
// the script starts it, and without scripts the page says what it needs.
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Content.Security;

namespace OneDigital.Admin.GraphiQL;

public sealed class GraphiQLModel(IAntiforgery antiforgery) : AdminPage
{
    /// <summary>What the page, its menu entry and its execute endpoint demand.</summary>
    public static Permission Permission => Permissions.ExecuteGraphQLMutations;

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
        if (await DemandAsync(Permission) is { } refused) return refused;
        Token = antiforgery.GetAndStoreTokens(HttpContext).RequestToken ?? "";
        return Page();
    }
}
