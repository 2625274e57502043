// Why: editor tests read the stored item, the form's loaded version and the site's taxonomy terms; kept in one place
// so each test states only what it proves.
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Definitions;
using OneDigital.Content.Items;
using OneDigital.Content.Querying;

namespace OneDigital.Admin.Tests.Editing;

internal static partial class EditorSupport
{
    public static async Task<ContentItem?> LatestAsync(this AdminSite site, string id)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ContentQuery>().GetLatestAsync(id);
    }

    public static async Task<List<ContentItem>> LatestOfTypeAsync(this AdminSite site, string type)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ContentQuery>().ListAsync(new ContentListRequest(type) { Status = ContentStatus.Latest });
    }

    public static async Task AlterDefinitionsAsync(this AdminSite site, Func<ContentDefinitionStore, Task> change)
    {
        await using var scope = site.Services.CreateAsyncScope();
        await change(scope.ServiceProvider.GetRequiredService<ContentDefinitionStore>());
    }

    /// <summary>The taxonomy whose title is given, and its terms' ids in order.</summary>
    public static async Task<(string Id, string[] Terms)> TaxonomyAsync(this AdminSite site, string title)
    {
        var taxonomy = (await site.LatestOfTypeAsync("Taxonomy")).Single(t => t.DisplayText == title);
        var terms = ((JsonArray)taxonomy.Part("TaxonomyPart")!["Terms"]!).Select(t => (string)t!["ContentItemId"]!).ToArray();
        return (taxonomy.ContentItemId, terms);
    }

    /// <summary>Creates an item through the content manager with its parts' JSON set by <paramref name="fill"/>.</summary>
    public static async Task<string> CreateAsync(this AdminSite site, string type, Action<ContentItem> fill, bool publish = false, string? owner = null)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var item = await manager.NewAsync(type);
        item.Owner = owner;
        fill(item);
        await manager.CreateAsync(item, publish);
        return item.ContentItemId;
    }

    /// <summary>Saves a change as another editor would (through the manager, as a new version).</summary>
    public static async Task SaveAsAnotherEditorAsync(this AdminSite site, string id, Action<ContentItem> change)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var latest = await manager.GetAsync(id, VersionOptions.Latest);
        var draft = await manager.GetAsync(id, VersionOptions.DraftRequired);
        change(draft!);
        await manager.UpdateAsync(draft!, latest!.ContentItemVersionId);
    }

    /// <summary>The VersionId the edit form carries.</summary>
    public static string VersionId(string html)
    {
        var match = VersionInput().Match(html);
        Assert.That(match.Success, Is.True, "the edit form carries the version it was loaded from");
        return match.Groups[1].Value;
    }

    /// <summary>The value attribute of the input with this name, HTML-decoded; null when there is none.</summary>
    public static string? InputValue(string html, string name)
    {
        var match = Regex.Match(html, $"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    public static string? TextareaValue(string html, string name)
    {
        var match = Regex.Match(html, $"<textarea[^>]*name=\"{Regex.Escape(name)}\"[^>]*>([^<]*)</textarea>");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value).Trim('\r', '\n') : null;
    }

    public static bool IsChecked(string html, string name, string value) =>
        Regex.IsMatch(html, $"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*value=\"{Regex.Escape(value)}\"[^>]*checked");

    /// <summary>Whether a picker lists the value as chosen (its hidden input).</summary>
    public static bool IsChosen(string html, string name, string value) =>
        html.Contains($"<input type=\"hidden\" name=\"{name}\" value=\"{value}\">", StringComparison.Ordinal);

    [GeneratedRegex("name=\"VersionId\" value=\"([^\"]+)\"")]
    private static partial Regex VersionInput();
}
