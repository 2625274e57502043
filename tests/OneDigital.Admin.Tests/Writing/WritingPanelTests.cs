using System.Net;
using System.Text.Json.Nodes;
using OneDigital.Admin.Tests.Editing;
using OneDigital.Admin.Tests.Support;

namespace OneDigital.Admin.Tests.Writing;

/// <summary>The readability panel without JavaScript (rendered with the form from the stored or posted body) and the
/// JSON endpoint the script asks as the editor types.</summary>
public sealed class WritingPanelTests : AdminSiteTests
{

    [Test]
    public async Task The_edit_form_shows_the_stored_bodys_reading_age_formula_and_findings()
    {
        var id = await Site.CreateAsync("Page", i =>
        {
            i.GetOrCreatePart("TitlePart")["Title"] = "Checked page";
            i.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = WritingBodies.ThreeFindings;
        });

        var html = await Admin.HtmlAsync($"/admin/content/{id}/edit");

        Assert.That(html, Does.Contain("data-testid=\"writing-panel\""));
        Assert.That(html, Does.Contain("Flesch-Kincaid grade level"));
        Assert.That(html, Does.Contain("3 findings"));
        Assert.That(html, Does.Contain("data-check=\"image-missing-alt\"").And.Contain("data-check=\"link-vague-text\"").And.Contain("data-check=\"long-sentence\""));
        Assert.That(html, Does.Contain("This sentence has 60 words."));
    }

    [Test]
    public async Task A_preview_without_javascript_shows_the_checks_of_the_posted_body()
    {
        var id = await Site.CreateAsync("Page", i =>
        {
            i.GetOrCreatePart("TitlePart")["Title"] = "Previewed page";
            i.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = WritingBodies.ThreeFindings;
        });
        var form = await Admin.HtmlAsync($"/admin/content/{id}/edit");

        using var response = await Admin.PostFormAsync($"/admin/content/{id}/edit",
        [
            new("VersionId", EditorSupport.VersionId(form)), new("TitlePart.Title", "Previewed page"),
            new("MarkdownBodyPart.Markdown", WritingBodies.Fixed), new("action", "preview"),
        ]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("No findings."));
        Assert.That(html, Does.Not.Contain("data-check="));
    }

    [Test]
    public async Task The_check_endpoint_answers_the_findings_as_json_to_a_signed_in_editor_with_the_forms_token()
    {
        using var response = await Admin.PostFormAsync("/admin/content/new/Page",
            [new("format", "markdown"), new("text", WritingBodies.ThreeFindings)], "/admin/writing/check");
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(json["findings"]!.AsArray().Select(f => (string?)f!["checkId"]), Is.EqualTo(new[] { "image-missing-alt", "link-vague-text", "long-sentence" }));
        Assert.That((double?)json["readingAge"], Is.GreaterThan(5));

        using var html = await Admin.PostFormAsync("/admin/content/new/Page",
            [new("format", "html"), new("text", "<p><a href=\"/x\"></a></p>")], "/admin/writing/check");
        Assert.That(await html.Content.ReadAsStringAsync(), Does.Contain("link-empty-text"));
    }

    [Test]
    public async Task The_check_endpoint_refuses_a_post_without_the_token_and_a_caller_not_signed_in()
    {
        using var withoutToken = await Admin.PostRawAsync("/admin/writing/check", [new("format", "markdown"), new("text", "Hello.")]);
        Assert.That(withoutToken.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));

        using var anonymous = new AdminClient(Site.Address);
        using var refused = await anonymous.PostRawAsync("/admin/writing/check", [new("format", "markdown"), new("text", "Hello.")]);
        Assert.That(refused.StatusCode, Is.Not.EqualTo(HttpStatusCode.OK));
    }
}
