// Why: the import tests upload recipes as the form does, wait for a background import to end as the page's script
// does, and compare everything an import could write before and after.
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Audit;
using OneDigital.Content.Querying;
using OneDigital.Content.Recipes.Stored;
using OneDigital.Content.Store;

namespace OneDigital.Admin.Tests.ImportExport;

internal static partial class ImportSupport
{
    /// <summary>A type of its own, two items of it, and a step this CMS stores without applying.</summary>
    public const string GadgetsRecipe = """
        {
          "name": "gadgets",
          "steps": [
            { "name": "ContentDefinition",
              "ContentTypes": [ { "Name": "Gadget", "DisplayName": "Gadget",
                "Settings": { "ContentTypeSettings": { "Creatable": true, "Listable": true } },
                "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart", "Settings": {} } ] } ],
              "ContentParts": [] },
            { "name": "content", "Data": [
              { "ContentItemId": "4gadget0000000000000000001", "ContentType": "Gadget", "DisplayText": "Sprocket", "Latest": true, "Published": true, "TitlePart": { "Title": "Sprocket" } },
              { "ContentItemId": "4gadget0000000000000000002", "ContentType": "Gadget", "DisplayText": "Flange", "Latest": true, "Published": true, "TitlePart": { "Title": "Flange" } } ] },
            { "name": "layers", "Layers": [ { "Name": "Always", "Rule": "true" } ] }
          ]
        }
        """;

    /// <summary>Its second step's first item has no content type: the step fails at <c>steps[1].Data[0].ContentType</c>.</summary>
    public const string BrokenRecipe = """
        {
          "name": "broken",
          "steps": [
            { "name": "ContentDefinition",
              "ContentTypes": [ { "Name": "Doohickey", "DisplayName": "Doohickey", "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" } ] } ] },
            { "name": "content", "Data": [ { "ContentItemId": "4doohickey0000000000000001", "DisplayText": "No type" } ] }
          ]
        }
        """;

    public static async Task<HttpResponseMessage> UploadAsync(AdminClient client, string fileName, byte[] bytes)
    {
        using var page = await client.GetAsync("/admin/import");
        var token = AdminClient.AntiforgeryToken(await page.Content.ReadAsStringAsync());
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), AdminClient.AntiforgeryField },
            { new ByteArrayContent(bytes), "recipe", fileName },
        };
        return await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/admin/import") { Content = form });
    }

    public static Task<HttpResponseMessage> UploadAsync(AdminClient client, string fileName, string json) =>
        UploadAsync(client, fileName, Encoding.UTF8.GetBytes(json));

    /// <summary>Uploads a recipe whose dry run is expected to pass; returns the import's page address.</summary>
    public static async Task<string> UploadReadyAsync(AdminClient client, string fileName, string json)
    {
        using var response = await UploadAsync(client, fileName, json);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        return response.Headers.Location!.ToString();
    }

    /// <summary>Presses "Run import" and waits, as the page's script does, for the status to stop running.</summary>
    public static async Task<string> RunAndWaitAsync(AdminClient client, string importPage)
    {
        using (var run = await client.PostFormAsync(importPage, [], $"{importPage}?handler=Run"))
        {
            Assert.That(run.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        }
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            using var status = await client.GetAsync($"{importPage}/status");
            var json = JsonNode.Parse(await status.Content.ReadAsStringAsync())!;
            if (!json["running"]!.GetValue<bool>()) return json["stage"]!.GetValue<string>();
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "the import ended within two minutes");
            await Task.Delay(200);
        }
    }

    /// <summary>Everything an import can write, as text: items (every current version), documents, stored steps, the ledger, audit rows.</summary>
    public static async Task<string> SnapshotAsync(AdminSite site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
        var query = scope.ServiceProvider.GetRequiredService<ContentQuery>();
        var lines = new List<string>();
        await foreach (var item in query.StreamCurrentVersionsAsync())
        {
            lines.Add($"{item.ContentItemVersionId}|{item.ContentType}|{item.DisplayText}|{item.Latest}|{item.Published}");
        }
        lines.AddRange(await db.Documents.AsNoTracking().OrderBy(d => d.Name).Select(d => $"{d.Name}|{d.Version}").ToListAsync());
        lines.AddRange(await db.Set<StoredRecipeStep>().AsNoTracking().OrderBy(s => s.Id).Select(s => $"{s.Name}|{s.Identity}").ToListAsync());
        lines.AddRange(await db.Set<RecipeItemLedgerEntry>().AsNoTracking().OrderBy(e => e.Recipe).ThenBy(e => e.ItemKey).Select(e => $"{e.Recipe}|{e.ItemKey}").ToListAsync());
        lines.Add($"audit rows: {await db.Set<AuditEvent>().CountAsync()}");
        lines.Add($"roles: {string.Join(",", await db.Roles.AsNoTracking().OrderBy(r => r.Name).Select(r => r.Name).ToListAsync())}");
        return string.Join("\n", lines);
    }

    /// <summary>The page's text without tags, so assertions read what a person reads.</summary>
    public static string Text(string html) => Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ");

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
