using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Admin.Tests.Editing;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Security;
using OneDigital.Content.Store;
using OneDigital.Content.Writing;

namespace OneDigital.Admin.Tests.Writing;

/// <summary>The site-wide report lists published items with findings, worst first or by type, filtered by type, only
/// what the editor may see; items published before the counts were kept are checked by a button, in batches.</summary>
public sealed partial class WritingReportTests
{
    private const string Password = "Editor-Pa55word!";
    private const string OnlyAVagueLink = "Read about it: [click here](/guide).";
    private AdminSite _site = null!;
    private AdminClient _admin = null!;
    private string _worstPage = "", _vaguePage = "", _worstStudy = "", _cleanPage = "";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _site = await AdminSite.StartAsync();
        _admin = await _site.SignedInAdminAsync();
        await using (var scope = _site.Services.CreateAsyncScope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleService>();
            // Anonymous's and Authenticated's default ViewContent covers every type; this editor is to see case studies only.
            await roles.SaveAsync("Anonymous", null, [], PermissionBehavior.Replace);
            await roles.SaveAsync("Authenticated", null, [], PermissionBehavior.Replace);
            await roles.SaveAsync("CaseStudyEditor", null, ["AccessAdminPanel", "View_CaseStudy", "Edit_CaseStudy"], PermissionBehavior.Replace);
        }
        await _site.AddUserAsync("studyeditor", Password, "CaseStudyEditor");
        _worstPage = await PublishAsync("Page", "Report worst page", WritingBodies.ThreeFindings);
        _vaguePage = await PublishAsync("Page", "Report vague page", OnlyAVagueLink);
        _worstStudy = await PublishAsync("CaseStudy", "Report worst case study", WritingBodies.ThreeFindings);
        _cleanPage = await PublishAsync("Page", "Report clean page", WritingBodies.Fixed);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _admin.Dispose();
        await _site.DisposeAsync();
    }

    private Task<string> PublishAsync(string type, string title, string body) =>
        _site.CreateAsync(type, i =>
        {
            i.DisplayText = title;
            i.GetOrCreatePart("TitlePart")["Title"] = title;
            i.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = body;
        }, publish: true);

    private static List<string> ItemsIn(string html) => [.. ItemRow().Matches(html).Select(m => m.Groups[1].Value)];

    [Test]
    public async Task Items_are_listed_most_serious_first_and_items_without_findings_are_left_out()
    {
        var items = ItemsIn(await _admin.HtmlAsync("/admin/writing"));

        Assert.That(items, Does.Contain(_worstPage).And.Contain(_vaguePage).And.Contain(_worstStudy));
        Assert.That(items, Does.Not.Contain(_cleanPage));
        Assert.That(items.IndexOf(_worstPage), Is.LessThan(items.IndexOf(_vaguePage)));
        Assert.That(items.IndexOf(_worstStudy), Is.LessThan(items.IndexOf(_vaguePage)));
    }

    [Test]
    public async Task A_blog_post_is_listed_though_posts_live_inside_their_blog_and_are_not_listable()
    {
        var post = await PublishAsync("BlogPost", "Report worst post", WritingBodies.ThreeFindings);

        Assert.That(ItemsIn(await _admin.HtmlAsync("/admin/writing?type=BlogPost")), Is.EqualTo(new[] { post }));
    }

    [Test]
    public async Task Sorting_by_type_groups_the_items_by_type_then_severity()
    {
        var items = ItemsIn(await _admin.HtmlAsync("/admin/writing?sort=type"));

        Assert.That(items, Does.Contain(_worstStudy).And.Contain(_worstPage).And.Contain(_vaguePage));
        Assert.That(items.IndexOf(_worstStudy), Is.LessThan(items.IndexOf(_worstPage)), "CaseStudy before Page");
        Assert.That(items.IndexOf(_worstPage), Is.LessThan(items.IndexOf(_vaguePage)));
    }

    [Test]
    public async Task Filtering_by_type_lists_only_that_type()
    {
        var html = await _admin.HtmlAsync("/admin/writing?type=Page");

        var items = ItemsIn(html);
        Assert.That(items, Does.Contain(_worstPage).And.Contain(_vaguePage).And.Not.Contain(_worstStudy));
        Assert.That(html, Does.Contain($"href=\"/admin/content/{_worstPage}/edit\""), "the title links to the editor");
    }

    [Test]
    public async Task An_editor_limited_to_case_studies_sees_only_case_studies_and_is_refused_another_type()
    {
        using var editor = _site.NewClient();
        await editor.SignInAsync("studyeditor", Password);

        var items = ItemsIn(await editor.HtmlAsync("/admin/writing"));
        Assert.That(items, Does.Contain(_worstStudy).And.Not.Contain(_worstPage).And.Not.Contain(_vaguePage));
        using var page = await editor.GetAsync("/admin/writing?type=Page");
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Items_published_before_the_counts_were_kept_are_checked_by_the_button()
    {
        var old = await PublishAsync("Page", "Report old page", WritingBodies.ThreeFindings);
        await using (var scope = _site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
            await db.Set<WritingFindingCounts>().Where(r => r.ContentItemId == old).ExecuteDeleteAsync();
        }
        var before = await _admin.HtmlAsync("/admin/writing");
        Assert.That(ItemsIn(before), Does.Not.Contain(old));
        Assert.That(before, Does.Contain("Check 1 published item not yet checked"));
        Assert.That(before, Does.Contain("1 published item is being checked"));

        using var response = await _admin.PostFormAsync("/admin/writing", [], "/admin/writing?handler=Check");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        var after = await _admin.HtmlAsync("/admin/writing");
        Assert.That(ItemsIn(after), Does.Contain(old));
        Assert.That(after, Does.Contain("Checked 1 published item."));
        Assert.That(after, Does.Not.Contain("not yet checked"));
    }

    [Test]
    public async Task The_dashboard_shows_this_months_findings_in_the_trend_table()
    {
        var html = await _admin.HtmlAsync("/admin");
        var month = DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

        Assert.That(html, Does.Contain("<caption class=\"govuk-table__caption govuk-table__caption--m\">Writing findings by month</caption>"));
        Assert.That(Regex.Count(html, "data-month=\""), Is.EqualTo(12));
        var row = Regex.Match(html, $"data-month=\"{month}\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        var cells = Regex.Matches(row, "<td[^>]*>(\\d+)</td>").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.That(cells, Has.Count.EqualTo(4));
        Assert.That(cells[0], Is.GreaterThanOrEqualTo(4), "items published this month, with or without findings");
        Assert.That(cells[1], Is.GreaterThanOrEqualTo(2), "serious: the two missing alt texts");
    }

    [GeneratedRegex("<tr class=\"govuk-table__row\" data-item=\"([^\"]+)\"")]
    private static partial Regex ItemRow();
}
