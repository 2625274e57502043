using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Settings;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Recipes;

/// <summary>Orchard's recipe expressions: [js: ...] with its helper functions, and [file:text(...)].</summary>
public class RecipeExpressionTests
{
    [Test]
    public async Task Expressions_use_orchards_helpers_and_variables_are_evaluated_once()
    {
        var gzip = Convert.ToBase64String(Gzip("zipped text"));
        var folder = Directory.CreateTempSubdirectory("recipe").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "snippet.html"), "<p>from a file</p>");
        await using var store = await TestStore.CreateAsync(new Dictionary<string, string?>
        {
            ["Partners:Name"] = "Configured",
            ["OneDigital:Recipes:ConfigurationKeys:0"] = "Partners:*",
            ["OneDigital:Recipes:ConfigurationKeys:1"] = "Missing:Key",
        });

        await store.ImportAsync($$"""
            {
              // Orchard recipes carry comments and mixed-case step names.
              "name": "Expressions",
              "variables": { "id": "[js:uuid()]", "nested": "[js: 'v-' + variables('id')]" },
              "steps": [ {
                "name": "SETTINGS",
                "Values": {
                  "Id1": "[js: variables('id')]", "Id2": "[js:variables('id')]", "Nested": "[js: variables('nested')]",
                  "Admin": "[js: parameters('AdminUserId')]", "Site": "[js: parameters('SiteName')]",
                  "Config": "[js: configuration('Partners:Name', 'fallback')]", "Default": "[js: configuration('Missing:Key', 'fallback')]",
                  "Base64": "[js: base64('aGVsbG8=')]", "Html": "[js: html('&lt;b&gt;')]", "Gzip": "[js: gzip('{{gzip}}')]",
                  "Number": "[js: 1 + 1]", "File": "[file:text('snippet.html')]", "NotAnExpression": "[1,2]", "AlsoNot": "[ not a script ]"
                }
              } ]
            }
            """, folder);

        await using var scope = store.Scope();
        var values = (await scope.ServiceProvider.GetRequiredService<SiteSettingsStore>().GetAsync())["Values"]!;
        string V(string key) => values[key]!.GetValue<string>();
        Assert.Multiple(() =>
        {
            Assert.That(V("Id1"), Does.Match("^[0-9a-z]{26}$"));
            Assert.That(V("Id2"), Is.EqualTo(V("Id1")));
            Assert.That(V("Nested"), Is.EqualTo("v-" + V("Id1")));
            Assert.That(V("Admin"), Is.EqualTo("admin-user-id"));
            Assert.That(V("Site"), Is.EqualTo("Test site"));
            Assert.That(V("Config"), Is.EqualTo("Configured"));
            Assert.That(V("Default"), Is.EqualTo("fallback"));
            Assert.That(V("Base64"), Is.EqualTo("hello"));
            Assert.That(V("Html"), Is.EqualTo("<b>"));
            Assert.That(V("Gzip"), Is.EqualTo("zipped text"));
            Assert.That(V("Number"), Is.EqualTo("2"));
            Assert.That(V("File"), Is.EqualTo("<p>from a file</p>"));
            Assert.That(V("NotAnExpression"), Is.EqualTo("[1,2]"));
            Assert.That(V("AlsoNot"), Is.EqualTo("[ not a script ]"));
        });
    }

    [Test]
    public async Task Steps_the_cms_does_not_implement_are_stored_and_listed_in_the_report_not_dropped_silently()
    {
        await using var store = await TestStore.CreateAsync();
        var report = await store.ImportAsync("""
            { "name": "Mixed", "steps": [ { "name": "layers", "Layers": [] }, { "name": "WorkflowType" }, { "name": "feature", "enable": [ "OrchardCore.Title", "OrchardCore.Workflows" ] } ] }
            """);
        Assert.Multiple(() =>
        {
            Assert.That(report.StepsNotImplemented, Is.EqualTo(new[] { "1:layers", "2:WorkflowType" }));
            Assert.That(report.FeaturesNotImplemented, Is.EqualTo(new[] { "OrchardCore.Workflows" }));
            Assert.That(report.ToString(), Does.Contain("steps stored, not applied (exported back unchanged): 1:layers, 2:WorkflowType"));
        });
    }

    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }
        return output.ToArray();
    }
}
