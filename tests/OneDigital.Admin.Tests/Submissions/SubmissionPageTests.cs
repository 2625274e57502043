// Why: a reader's submission becomes a case study draft with its words, linked both ways and marked done in one
// step, or is rejected with a required reason; a second decision changes nothing; only ManageSubmissions opens it.
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Items;
using OneDigital.Content.Querying;
using OneDigital.Content.Submissions;

namespace OneDigital.Admin.Tests.Submissions;

public sealed class SubmissionPageTests : AdminSiteTests
{
    private const string Password = "Someone-Pa55word!";

    protected override Task PrepareAsync() => Site.AddUserAsync("editor", Password, "Editor");

    /// <summary>A submission as the site's form leaves it: a LearningSubmission draft.</summary>
    public static async Task<string> SubmitAsync(AdminSite site, string title, string name = "Rosa Reader", string organisation = "Northwick Library")
    {
        await using var scope = site.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var item = await manager.NewAsync(LearningSubmissionReviews.ContentType);
        var part = item.GetOrCreatePart(LearningSubmissionReviews.ContentType);
        part["Name"] = new JsonObject { ["Text"] = name };
        part["Email"] = new JsonObject { ["Text"] = "rosa.reader@example.org" };
        part["Organisation"] = new JsonObject { ["Text"] = organisation };
        part["Title"] = new JsonObject { ["Text"] = title };
        part["Summary"] = new JsonObject { ["Text"] = "Pairing new Digital Champions with experienced ones halved drop-out." };
        await manager.CreateAsync(item, publish: false);
        return item.ContentItemId;
    }

    private async Task<ContentItem?> LatestAsync(string id)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ContentQuery>().GetLatestAsync(id);
    }

    [Test]
    public async Task Turning_a_submission_into_a_case_study_makes_a_draft_with_its_words_and_marks_it_done_once()
    {
        var id = await SubmitAsync(Site, "Buddying champions");
        var list = await Admin.HtmlAsync("/admin/submissions");
        Assert.That(list, Does.Contain($"href=\"/admin/submissions/{id}\">Buddying champions<").And.Contain("Not reviewed"));

        using var turned = await Admin.PostFormAsync($"/admin/submissions/{id}", [], $"/admin/submissions/{id}?handler=caseStudy");
        Assert.That(turned.Headers.Location!.OriginalString, Is.EqualTo($"/admin/submissions/{id}?done=casestudy"));
        var page = await Admin.HtmlAsync(turned.Headers.Location!.OriginalString);
        var caseStudyId = System.Text.RegularExpressions.Regex.Match(page, "/admin/content/(?<id>[^/\"]+)/edit\">edit the case study draft").Groups["id"].Value;
        var caseStudy = await LatestAsync(caseStudyId);
        Assert.That(caseStudy, Is.Not.Null, page);
        Assert.That((caseStudy!.ContentType, caseStudy.Published, caseStudy.DisplayText), Is.EqualTo(("CaseStudy", false, "Buddying champions")));
        Assert.That((string?)caseStudy.Part("MarkdownBodyPart")!["Markdown"], Does.Contain("halved drop-out"));
        Assert.That((string?)caseStudy.Part("CaseStudy")!["Organisation"]!["Text"], Is.EqualTo("Northwick Library"));
        Assert.That(page, Does.Contain("Turned into a case study draft by admin").And.Not.Contain("?handler=caseStudy"));

        using var again = await Admin.PostFormAsync("/admin/submissions", [new("Reason", "Too late")], $"/admin/submissions/{id}/reject");
        Assert.That(await Admin.HtmlAsync($"/admin/submissions/{id}"), Does.Not.Contain("Too late"), "a second decision changes nothing");
    }

    [Test]
    public async Task Rejecting_needs_a_reason_and_keeps_the_submission()
    {
        var id = await SubmitAsync(Site, "Already covered");
        using var noReason = await Admin.PostFormAsync($"/admin/submissions/{id}/reject", [new("Reason", "  ")]);
        Assert.That(noReason.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await noReason.Content.ReadAsStringAsync(), Does.Contain("govuk-error-summary").And.Contain("Enter why the submission is rejected"));

        using var rejected = await Admin.PostFormAsync($"/admin/submissions/{id}/reject", [new("Reason", "It repeats a published case study.")]);
        Assert.That(rejected.Headers.Location!.OriginalString, Is.EqualTo($"/admin/submissions/{id}?done=rejected"));
        var page = await Admin.HtmlAsync($"/admin/submissions/{id}");
        Assert.That(page, Does.Contain("It repeats a published case study.").And.Contain("rosa.reader@example.org"));
        Assert.That(await LatestAsync(id), Is.Not.Null, "the submission is kept");
    }

    [Test]
    public async Task Without_ManageSubmissions_the_pages_are_forbidden()
    {
        var id = await SubmitAsync(Site, "Private");
        using var editor = Site.NewClient();
        await editor.SignInAsync("editor", Password);
        using var list = await editor.GetAsync("/admin/submissions");
        using var one = await editor.GetAsync($"/admin/submissions/{id}");
        Assert.That((list.StatusCode, one.StatusCode), Is.EqualTo((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)));
    }
}
