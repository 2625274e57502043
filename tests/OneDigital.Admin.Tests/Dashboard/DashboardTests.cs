using Microsoft.Extensions.DependencyInjection;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Scheduling;
using OneDigital.Content.Store;
using OneDigital.Content.Webhooks;

namespace OneDigital.Admin.Tests.Dashboard;

/// <summary>The dashboard: content by type and state, what is scheduled next, recent changes, items published per
/// month (a chart with its table), failing webhooks and search index lag for those who manage them.</summary>
public sealed class DashboardTests : AdminSiteTests
{
    private static string Row(string html, string marker)
    {
        var start = html.IndexOf(marker, StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), $"{marker} is on the page");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    [Test]
    public async Task Counts_by_state_scheduled_next_and_recent_changes_follow_what_editors_do()
    {
        var before = await Admin.HtmlAsync("/admin");
        var draftsBefore = int.Parse(System.Text.RegularExpressions.Regex.Matches(Row(before, "data-type=\"Page\""), ">(\\d+)</td>")[2].Groups[1].Value);

        var draft = await Site.CreateItemAsync("Page", "Dashboard draft page", publish: false);
        await using (var scope = Site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ContentSchedule>()
                .ScheduleAsync(draft, ScheduledAction.Publish, DateTime.UtcNow.AddDays(3), new ScheduleActor(null, "Sam Scheduler"));
        }

        var html = await Admin.HtmlAsync("/admin");
        var counts = System.Text.RegularExpressions.Regex.Matches(Row(html, "data-type=\"Page\""), ">(\\d+)</td>");
        Assert.That(int.Parse(counts[2].Groups[1].Value), Is.EqualTo(draftsBefore + 1), "drafts");
        Assert.That(int.Parse(counts[3].Groups[1].Value), Is.GreaterThanOrEqualTo(1), "scheduled");
        var scheduled = html[html.IndexOf("id=\"scheduled-next\"", StringComparison.Ordinal)..];
        Assert.That(scheduled, Does.Contain($"href=\"/admin/content/{draft}/edit\">Dashboard draft page</a>").And.Contain("Publish").And.Contain("Sam Scheduler"));
        var recent = html[html.IndexOf("id=\"recent-changes\"", StringComparison.Ordinal)..];
        Assert.That(recent, Does.Contain($"href=\"/admin/content/{draft}/edit\">Dashboard draft page</a>"), "the newest change is listed");
    }

    [Test]
    public async Task This_months_publishes_are_in_the_chart_and_its_table()
    {
        var month = DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var before = await Admin.HtmlAsync("/admin");
        var countBefore = int.Parse(System.Text.RegularExpressions.Regex.Match(Row(before[before.IndexOf("id=\"published-by-month\"", StringComparison.Ordinal)..], $"data-published-month=\"{month}\""), ">(\\d+)</td>").Groups[1].Value);

        await Site.CreateItemAsync("Page", "Published for the chart", publish: true);

        var html = await Admin.HtmlAsync("/admin");
        var table = html[html.IndexOf("id=\"published-by-month\"", StringComparison.Ordinal)..];
        Assert.That(int.Parse(System.Text.RegularExpressions.Regex.Match(Row(table, $"data-published-month=\"{month}\""), ">(\\d+)</td>").Groups[1].Value), Is.EqualTo(countBefore + 1));
        Assert.That(html, Does.Contain("<svg class=\"admin-chart\"").And.Contain("aria-labelledby=\"published-chart-title published-chart-desc\""));
    }

    [Test]
    public async Task A_failing_webhook_and_the_search_index_show_to_an_administrator_but_not_to_an_author()
    {
        await using (var scope = Site.Services.CreateAsyncScope())
        {
            var endpoints = scope.ServiceProvider.GetRequiredService<WebhookEndpoints>();
            await endpoints.SaveAsync(new WebhookRegistration { Name = "partner-hook", Url = "https://partner.example/hook", Secret = "s3cret-s3cret" });
            var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
            var endpoint = (await endpoints.FindAsync("partner-hook"))!;
            db.Add(new WebhookDelivery
            {
                Id = "failed-delivery", EndpointId = endpoint.Id, Event = "published", ContentItemId = "some-item", Payload = "{}",
                Status = WebhookDeliveryStatus.Failed, Attempts = 8, CreatedUtc = DateTime.UtcNow.AddHours(-2),
                NextAttemptUtc = DateTime.UtcNow, CompletedUtc = DateTime.UtcNow, LastStatusCode = 502,
            });
            await db.SaveChangesAsync();
        }

        var html = await Admin.HtmlAsync("/admin");
        var webhook = Row(html, "data-webhook=\"partner-hook\"");
        Assert.That(webhook, Does.Contain(">1</td>").And.Contain("HTTP 502"));
        Assert.That(Row(html, "data-index=\"Search\""), Does.Contain("govuk-table__cell--numeric"));

        await Site.AddUserAsync("dashauthor", "Author-Pa55word!", "Author");
        using var author = Site.NewClient();
        await author.SignInAsync("dashauthor", "Author-Pa55word!");
        var authors = await author.HtmlAsync("/admin");
        Assert.That(authors, Does.Not.Contain("partner-hook").And.Not.Contain("id=\"search-lag\""));
    }
}
