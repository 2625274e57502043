// Why: an editor checks a draft as the APIs will return it, and hands a partner a short-lived token with which the
// partner's GraphQL reads that one draft; the secret is shown once (only its hash is kept), and live ones can be revoked.
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Admin.Versions;
using OneDigital.Content.Audit;
using OneDigital.Content.Preview;
using OneDigital.Content.Querying;
using OneDigital.Content.Security;
using OneDigital.Content.Store;

namespace OneDigital.Admin.Preview;

public sealed class PreviewModel(
    ContentQuery query, PreviewTokens tokens, StoreTransaction transaction, AuditTrail audit, IOptions<PreviewOptions> options)
    : ItemPage(query)
{
    /// <summary>The lifetimes an editor may choose, within <see cref="PreviewOptions.MaxLifetime"/>.</summary>
    private static readonly (string Value, TimeSpan Lifetime, string Text)[] Lifetimes =
    [
        ("15m", TimeSpan.FromMinutes(15), "15 minutes"),
        ("1h", TimeSpan.FromHours(1), "1 hour"),
        ("1d", TimeSpan.FromDays(1), "1 day"),
        ("7d", TimeSpan.FromDays(7), "7 days"),
    ];

    public IReadOnlyList<PreviewTokenInfo> LiveTokens { get; private set; } = [];

    /// <summary>Set by an issue POST only: the one time the secret is shown.</summary>
    public IssuedPreviewToken? Issued { get; private set; }

    [BindProperty(SupportsGet = true, Name = "revoked")]
    public bool Revoked { get; set; }

    public string Json => Item.ToJson(indented: true);

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await LoadAsync(id, Permissions.PreviewContent) is { } refused) return refused;
        await ListAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, [FromForm] string? lifetime)
    {
        if (await LoadAsync(id, Permissions.PreviewContent) is { } refused) return refused;
        var ct = HttpContext.RequestAborted;
        var chosen = Choices().FirstOrDefault(c => c.Value == lifetime);
        if (chosen.Value is null)
        {
            ModelState.AddModelError("lifetime", "Choose how long the preview token works");
        }
        else
        {
            Issued = await transaction.RunAsync(async () =>
            {
                var issued = await tokens.IssueAsync(id, User.Identity?.Name, chosen.Lifetime, ct);
                await audit.RecordAsync(AuditEntry.For(AuditKind.PreviewTokenIssued, Item, $"preview token {issued.Info.Id}, {chosen.Text}"), ct);
                return issued;
            }, ct);
            // The secret is in this answer only: no cache may keep it.
            Response.Headers.CacheControl = "no-store";
        }
        await ListAsync();
        return Page();
    }

    /// <summary>"Preview on the site": a short-lived token for this item, then the site's page of its latest version.</summary>
    public async Task<IActionResult> OnPostSiteAsync(string id)
    {
        if (await LoadAsync(id, Permissions.PreviewContent) is { } refused) return refused;
        var ct = HttpContext.RequestAborted;
        var lifetime = SitePreviewLink.Lifetime < options.Value.MaxLifetime ? SitePreviewLink.Lifetime : options.Value.MaxLifetime;
        var issued = await transaction.RunAsync(async () =>
        {
            var issued = await tokens.IssueAsync(id, User.Identity?.Name, lifetime, ct);
            await audit.RecordAsync(AuditEntry.For(AuditKind.PreviewTokenIssued, Item, $"preview token {issued.Info.Id}, site preview link, {lifetime.TotalMinutes:0} minutes"), ct);
            return issued;
        }, ct);
        // The redirect carries the secret: no cache may keep it.
        Response.Headers.CacheControl = "no-store";
        return Redirect(SitePreviewLink.For(id, issued.Token));
    }

    public async Task<IActionResult> OnPostRevokeAsync(string id, [FromForm] string? tokenId)
    {
        if (await LoadAsync(id, Permissions.PreviewContent) is { } refused) return refused;
        var ct = HttpContext.RequestAborted;
        // Only this item's live tokens can be revoked from its page.
        if (tokenId is null || !(await tokens.ListLiveAsync(id, ct)).Any(t => t.Id == tokenId))
        {
            ModelState.AddModelError("", "That preview token has expired or was already revoked.");
            await ListAsync();
            return Page();
        }
        await transaction.RunAsync(async () =>
        {
            await tokens.RevokeAsync(tokenId, ct);
            await audit.RecordAsync(AuditEntry.For(AuditKind.PreviewTokenRevoked, Item, $"preview token {tokenId}"), ct);
        }, ct);
        return Redirect($"{PathOf(id, "preview")}?revoked=true");
    }

    public RadiosField LifetimeField() =>
        new("lifetime", "How long should the token work?", [.. Choices().Select(c => new Choice(c.Value, c.Text) { Selected = c.Value == "1h" })])
        {
            Hint = "Whoever holds the token can read this item's latest draft until it expires or you revoke it.",
        };

    /// <summary>An example request a partner's site sends with the token.</summary>
    public string ExampleRequest(string token)
    {
        var origin = $"{Request.Scheme}://{Request.Host}";
        var graphQuery = $"{{ contentItem(contentItemId: \\\"{Item.ContentItemId}\\\", status: DRAFT) {{ contentItemId displayText modifiedUtc }} }}";
        return $"curl {origin}/api/graphql \\\n  -H 'Content-Type: application/json' \\\n  -H 'X-Preview-Token: {token}' \\\n  -d '{{\"query\": \"{graphQuery}\"}}'";
    }

    private IEnumerable<(string Value, TimeSpan Lifetime, string Text)> Choices() =>
        Lifetimes.Where(l => l.Lifetime <= options.Value.MaxLifetime);

    private async Task ListAsync() => LiveTokens = await tokens.ListLiveAsync(Item.ContentItemId, HttpContext.RequestAborted);
}
