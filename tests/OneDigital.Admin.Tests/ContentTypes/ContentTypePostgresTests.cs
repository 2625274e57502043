using System.Net.Http.Json;
using OneDigital.Admin.ContentTypes;
using OneDigital.Admin.Tests.Support;

namespace OneDigital.Admin.Tests.ContentTypes;

/// <summary>Two web nodes on one PostgreSQL database: a field added on one is in the other's editor and GraphQL
/// without a restart, and a type page the other opened before the change is refused, not saved over it.</summary>
public sealed class ContentTypePostgresTests
{
    [Test]
    public async Task A_field_added_on_one_node_reaches_the_other_and_its_stale_page_is_refused()
    {
        await using var first = await AdminSite.StartPostgresAsync();
        await using var second = await first.StartOtherNodeAsync();
        using var onFirst = await first.SignedInAdminAsync();
        using var onSecond = await second.SignedInAdminAsync();
        var staleOnSecond = await onSecond.HtmlAsync("/admin/content-types/CaseStudy");
        _ = await onSecond.GetAsync("/api/graphql?query=%7B%20caseStudy%20%7B%20displayText%20%7D%20%7D");

        await onFirst.AddFieldAsync("CaseStudy", "Funder", "Funder", "TextField");

        var form = await onSecond.HtmlAsync("/admin/content/new/CaseStudy");
        using var http = new HttpClient { BaseAddress = second.Address };
        var answer = "";
        for (var attempt = 0; attempt < 40 && !answer.Contains("\"data\"", StringComparison.Ordinal); attempt++)
        {
            if (attempt > 0) await Task.Delay(250);
            using var response = await http.PostAsJsonAsync("/api/graphql", new { query = "{ caseStudy { displayText funder { text } } }" });
            answer = await response.Content.ReadAsStringAsync();
        }
        using var refused = await onSecond.PostRawAsync("/admin/content-types/CaseStudy?handler=Settings",
            [new("Settings.DisplayName", "Overwritten"), new("Version", ContentTypeForms.VersionOf(staleOnSecond)),
             new(AdminClient.AntiforgeryField, AdminClient.AntiforgeryToken(staleOnSecond))]);

        Assert.Multiple(async () =>
        {
            Assert.That(form, Does.Contain("name=\"CaseStudy.Funder\""), "the other node's editor");
            Assert.That(answer, Does.Contain("\"data\"").And.Not.Contain("\"errors\""), answer);
            Assert.That(await refused.TextAsync(), Does.Contain(ContentTypeChanges.StaleMessage));
            Assert.That((await first.DefinitionsAsync()).Type("CaseStudy")!.DisplayName, Is.EqualTo("Case Study"));
        });
    }
}
