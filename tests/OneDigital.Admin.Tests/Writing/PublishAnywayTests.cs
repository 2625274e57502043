using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Admin.Tests.Editing;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Audit;
using OneDigital.Content.Definitions;
using OneDigital.Content.Writing;

namespace OneDigital.Admin.Tests.Writing;

/// <summary>Publishing from the editor with serious findings stops at a confirmation page (no script needed): the
/// changes are a draft until the editor publishes anyway with a reason, which the audit trail keeps.</summary>
public sealed class PublishAnywayTests : AdminSiteTests
{

    private async Task<(string Id, HttpResponseMessage Response)> PublishFromEditorAsync(string type, string title, string body)
    {
        var id = await Site.CreateAsync(type, i => i.GetOrCreatePart("TitlePart")["Title"] = title);
        var form = await Admin.HtmlAsync($"/admin/content/{id}/edit");
        var response = await Admin.PostFormAsync($"/admin/content/{id}/edit",
        [
            new("VersionId", EditorSupport.VersionId(form)), new("TitlePart.Title", title),
            new("MarkdownBodyPart.Markdown", body), new("action", "publish"),
        ]);
        return (id, response);
    }

    [Test]
    public async Task A_missing_alt_text_holds_the_publish_until_the_editor_gives_a_reason_and_the_audit_trail_keeps_it()
    {
        var (id, response) = await PublishFromEditorAsync("Page", "Held page", WritingBodies.ThreeFindings);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/admin/content/{id}/publish-anyway"));
        var draft = await Site.LatestAsync(id);
        Assert.That(draft!.Published, Is.False, "saved as a draft, not published");
        Assert.That((string?)draft.Part("MarkdownBodyPart")!["Markdown"], Is.EqualTo(WritingBodies.ThreeFindings));

        var page = await Admin.HtmlAsync($"/admin/content/{id}/publish-anyway");
        Assert.That(page, Does.Contain("data-check=\"image-missing-alt\""));
        Assert.That(page, Does.Not.Contain("data-check=\"link-vague-text\""), "only the blocking checks hold the publish");

        using var withoutReason = await Admin.PostFormAsync($"/admin/content/{id}/publish-anyway", [new("VersionId", draft.ContentItemVersionId), new("Reason", " ")]);
        Assert.That(withoutReason.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await withoutReason.Content.ReadAsStringAsync(), Does.Contain("Enter why you are publishing with these findings."));
        Assert.That((await Site.LatestAsync(id))!.Published, Is.False);

        using var published = await Admin.PostFormAsync($"/admin/content/{id}/publish-anyway",
            [new("VersionId", draft.ContentItemVersionId), new("Reason", "The photo's description is on its way from the team.")]);
        Assert.That(published.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await Site.LatestAsync(id))!.Published, Is.True);

        await using var scope = Site.Services.CreateAsyncScope();
        var trail = await scope.ServiceProvider.GetRequiredService<AuditTrail>().QueryAsync(new AuditQuery { Kinds = [AuditKind.PublishedDespiteWritingFindings] });
        var entry = trail.Events.Single(e => e.ContentItemId == id);
        Assert.That(entry.Detail, Is.EqualTo("Findings: image-missing-alt. Reason: The photo's description is on its way from the team."));
        Assert.That(entry.UserName, Is.EqualTo(AdminSite.AdminUserName));
    }

    [Test]
    public async Task The_content_lists_publish_button_refuses_an_item_its_writing_checks_hold_and_says_why()
    {
        var id = await Site.CreateAsync("Page", i =>
        {
            i.GetOrCreatePart("TitlePart")["Title"] = "Held from the list";
            i.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = WritingBodies.ThreeFindings;
        });

        using var response = await Admin.PostFormAsync("/admin/content", [new("ReturnUrl", "/admin/content")], $"/admin/content/{id}/publish");
        var list = System.Net.WebUtility.HtmlDecode(await Admin.HtmlAsync(response.Headers.Location!.OriginalString));

        Assert.That(list, Does.Contain("its writing checks found 1 serious problem: fix them, or publish it from its editor with a reason"));
        Assert.That((await Site.LatestAsync(id))!.Published, Is.False);
    }

    [Test]
    public async Task A_body_without_serious_findings_publishes_at_once()
    {
        var (id, response) = await PublishFromEditorAsync("Page", "Clean page", WritingBodies.Fixed);

        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo("/admin/content"));
        Assert.That((await Site.LatestAsync(id))!.Published, Is.True);
    }

    [Test]
    public async Task A_type_that_blocks_no_checks_publishes_even_with_serious_findings()
    {
        await Site.AlterDefinitionsAsync(store => store.AlterTypeAsync("CaseStudy", type =>
            SettingsReader.Write(type.Settings, new WritingChecksSettings { BlockingChecks = [] })));

        var (id, response) = await PublishFromEditorAsync("CaseStudy", "Unblocked case study", WritingBodies.ThreeFindings);

        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo("/admin/content"));
        Assert.That((await Site.LatestAsync(id))!.Published, Is.True);
    }
}
