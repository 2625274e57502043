using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Scheduling;

namespace OneDigital.Admin.Tests.History;

/// <summary>In Chromium: schedule an unpublish a minute ahead and watch it leave GraphQL; restore an old version; axe on every history page.</summary>
public sealed class HistoryBrowserTests : BrowserTest
{
    private readonly FakeTimeProvider _clock = HistorySite.NewClock();

    protected override string[] SiteSettings => ["--OneDigital:Scheduling:PollInterval=01:00:00"];

    protected override Action<IServiceCollection>? SiteServices => services => services.AddSingleton<TimeProvider>(_clock);

    [Test]
    public async Task An_unpublish_scheduled_a_minute_ahead_takes_the_item_out_of_GraphQL_when_the_scheduler_runs()
    {
        var id = await Site.CreateItemAsync("BlogPost", "Leaving soon", publish: true);
        await SignInAsync();
        await Page.GotoAsync($"/admin/content/{id}/schedule");
        await Axe.AssertNoViolationsAsync(Page);

        var due = _clock.GetUtcNow().UtcDateTime.AddMinutes(1);
        await Page.GetByLabel("Unpublish (take it off the site)").CheckAsync();
        await Page.GetByLabel("Day").FillAsync(due.Day.ToString(CultureInfo.InvariantCulture));
        await Page.GetByLabel("Month").FillAsync(due.Month.ToString(CultureInfo.InvariantCulture));
        await Page.GetByLabel("Year").FillAsync(due.Year.ToString(CultureInfo.InvariantCulture));
        await Page.GetByLabel("Time", new() { Exact = true }).FillAsync(due.ToString("HH:mm", CultureInfo.InvariantCulture));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Schedule", Exact = true }).ClickAsync();

        await Assertions.Expect(Page.GetByText("The unpublish is scheduled.")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(Page);
        Assert.That(await HistorySite.GraphQLTitleAsync(Site, id), Is.EqualTo("Leaving soon"));

        _clock.Advance(TimeSpan.FromMinutes(2));
        var run = await Site.Services.GetRequiredService<ScheduledChangeRunner>().RunDueAsync();

        Assert.That(run.Completed, Is.EqualTo(1));
        Assert.That(await HistorySite.GraphQLTitleAsync(Site, id), Is.Null, "gone from GraphQL");
        await Page.ReloadAsync();
        await Assertions.Expect(Page.Locator("[data-state=Completed]")).ToContainTextAsync("Done");

        // The form with errors, once.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Schedule", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.Locator(".govuk-error-summary")).ToBeFocusedAsync();
        await Axe.AssertNoViolationsAsync(Page);
    }

    [Test]
    public async Task An_editor_compares_versions_restores_the_first_one_and_every_history_page_passes_axe()
    {
        var id = await HistorySite.PublishedTwiceAsync(Site, "Journey");
        await SignInAsync();

        await Page.GotoAsync($"/admin/content/{id}/versions");
        await Axe.AssertNoViolationsAsync(Page);
        await Page.GetByLabel("Older version").SelectOptionAsync(new SelectOptionValue { Label = "Version 1" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Compare" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "From version 1 to version 3" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(Page);

        await Page.GotoAsync($"/admin/content/{id}/versions");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Restore version 1" }).ClickAsync();
        await Axe.AssertNoViolationsAsync(Page);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Restore as a new draft" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Restored as a new draft, version 4.")).ToBeVisibleAsync();
        Assert.That(await HistorySite.GraphQLTitleAsync(Site, id), Is.EqualTo("Journey two"), "the published version is still served");

        await Page.GotoAsync($"/admin/content/{id}/preview");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Issue a preview token" }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("token")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(Page);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "history-preview.png"), FullPage = true });

        await Page.GotoAsync("/admin/audit");
        await Assertions.Expect(Page.Locator("[data-kind=Restored]")).ToContainTextAsync(AdminSite.AdminUserName);
        await Axe.AssertNoViolationsAsync(Page);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "history-audit.png"), FullPage = true });
    }
}
