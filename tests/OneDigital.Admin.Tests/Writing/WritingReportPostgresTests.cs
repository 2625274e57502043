using Microsoft.Extensions.DependencyInjection;
using OneDigital.Admin.Tests.Editing;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Tests.Writing;

/// <summary>On PostgreSQL: the report's own-items rule (an Author sees only their own pages) and the dashboard's
/// grouping by month translate and answer as on SQLite.</summary>
public sealed class WritingReportPostgresTests
{
    [Test]
    public async Task An_author_sees_their_own_items_with_findings_and_the_dashboard_counts_this_month_on_PostgreSQL()
    {
        await using var site = await AdminSite.StartPostgresAsync();
        await using (var scope = site.Services.CreateAsyncScope())
        {
            // Anonymous's and Authenticated's default ViewContent would show an Author every page.
            var roles = scope.ServiceProvider.GetRequiredService<RoleService>();
            await roles.SaveAsync("Anonymous", null, [], PermissionBehavior.Replace);
            await roles.SaveAsync("Authenticated", null, [], PermissionBehavior.Replace);
        }
        const string password = "Author-Pa55word!";
        var author = await site.AddUserAsync("reportauthor", password, "Author");
        var own = await PublishAsync(site, "Own page with findings", author.Id);
        var other = await PublishAsync(site, "Someone else's page with findings", null);

        using var client = site.NewClient();
        await client.SignInAsync("reportauthor", password);
        var report = await client.HtmlAsync("/admin/writing");
        using var admin = await site.SignedInAdminAsync();
        var dashboard = await admin.HtmlAsync("/admin");

        Assert.That(report, Does.Contain($"data-item=\"{own}\"").And.Not.Contain($"data-item=\"{other}\""));
        var month = DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(dashboard, Does.Contain($"data-month=\"{month}\""));
    }

    private static Task<string> PublishAsync(AdminSite site, string title, string? owner) =>
        site.CreateAsync("Page", i =>
        {
            i.DisplayText = title;
            i.GetOrCreatePart("TitlePart")["Title"] = title;
            i.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = WritingBodies.ThreeFindings;
        }, publish: true, owner);
}
