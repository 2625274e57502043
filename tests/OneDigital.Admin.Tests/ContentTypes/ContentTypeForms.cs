// Why: every content type form carries the definitions version it was shown from; tests post like a browser does,
// with the version and antiforgery token read from the page they submit.
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Definitions;

namespace OneDigital.Admin.Tests.ContentTypes;

internal static partial class ContentTypeForms
{
    /// <summary>The definitions version the page's first form carries.</summary>
    public static string VersionOf(string html)
    {
        var match = VersionInput().Match(html);
        Assert.That(match.Success, Is.True, "the page has a form with the definitions version");
        return match.Groups["version"].Value;
    }

    /// <summary>Opens <paramref name="page"/> and posts its version and token with the fields to <paramref name="action"/> (the page by default).</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this AdminClient client, string page, IEnumerable<KeyValuePair<string, string>> fields, string? action = null)
    {
        var html = await client.HtmlAsync(page);
        return await client.PostRawAsync(action ?? page,
            [.. fields, new("Version", VersionOf(html)), new(AdminClient.AntiforgeryField, AdminClient.AntiforgeryToken(html))]);
    }

    /// <summary>The page's text with HTML entities decoded, for comparing messages.</summary>
    public static async Task<string> TextAsync(this HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public static async Task CreateTypeAsync(this AdminClient client, string displayName, string name)
    {
        using var response = await client.SubmitAsync("/admin/content-types/new", [new("DisplayName", displayName), new("Name", name)]);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.TextAsync());
    }

    public static async Task AddFieldAsync(this AdminClient client, string type, string displayName, string name, string kind)
    {
        using var response = await client.SubmitAsync($"/admin/content-types/{type}/fields/new", [new("DisplayName", displayName), new("Name", name), new("Kind", kind)]);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.TextAsync());
        Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo($"/admin/content-types/{type}/fields/{name}?added=1"));
    }

    public static async Task<ContentDefinitionDocument> DefinitionsAsync(this AdminSite site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ContentDefinitionStore>().GetAsync();
    }

    [GeneratedRegex("name=\"Version\" value=\"(?<version>\\d+)\"")]
    private static partial Regex VersionInput();
}
