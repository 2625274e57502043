// Why: the theme is a folder a designer edits on a running server: templates must see only the allow-listed view
// models whatever they name, an edit must show without a restart, and a broken template must cost the reader nothing
// but a plain error page, never a stack trace.
using System.Diagnostics;
using System.Net;
using OneDigital.Site.Tests.Support;

namespace OneDigital.Site.Tests.Theme;

public sealed class ThemeTests
{
    private string _theme = null!;
    private ReadersSite _site = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _theme = Path.Combine(Path.GetTempPath(), "onedigital-site-themes", Guid.NewGuid().ToString("N"));
        CopyFolder(Path.Combine(AppContext.BaseDirectory, "Themes", "OneDigital"), _theme);
        _site = await ReadersSite.StartAsync($"--OneDigital:Site:ThemePath={_theme}");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _site.DisposeAsync();
        Directory.Delete(_theme, recursive: true);
    }

    [Test]
    public async Task A_template_reaching_for_store_objects_gets_nothing()
    {
        await WriteTemplateAsync("Content-ProgrammePhase", """
            <h1>{{ Model.Item.DisplayText }}</h1>
            <p id="probe">[{{ Model.Item.ContentItem }}][{{ Model.Data }}][{{ Model.Content }}][{{ Model.ContentItem.Content.TitlePart.Title }}][{{ Model.Part }}][{{ Model.GetType }}][{{ Page.HttpContext }}][{{ ContentManager }}][{{ Model.Fields.DigitalChampionsRecruited.Value }}][{{ Model.Body.Value }}][{{ Model.Children.first.ContentItem }}]</p>
            <p id="allowed">{{ Model.Item.Fields.DigitalChampionsRecruited }}|{{ Model.Item.Url }}</p>
            """);

        var html = await WaitForAsync("/evaluation-of-phase-1", "id=\"probe\"");

        Assert.That(html, Does.Contain("<p id=\"probe\">[][][][][][][][][][][]</p>"));
        Assert.That(html, Does.Contain("<p id=\"allowed\">1179|/evaluation-of-phase-1</p>"));
    }

    [Test]
    public async Task An_edited_template_shows_on_the_next_visit_even_when_the_page_was_cached()
    {
        await _site.GetStringAsync("/sharing-learning");
        await _site.GetStringAsync("/sharing-learning");

        await WriteTemplateAsync("Content-Page", "<h1>{{ Model.DisplayText }}</h1><p>Edited by a designer</p>");

        Assert.That(await WaitForAsync("/sharing-learning", "Edited by a designer"), Does.Contain("<h1>Sharing learning</h1>"));
    }

    [Test]
    public async Task A_broken_template_shows_the_reader_the_error_page_without_details()
    {
        await WriteTemplateAsync("Content-Blog", "<h1>{{ Model.DisplayText }}</h1>{% if Model.DisplayText %}never closed");

        var response = await WaitForStatusAsync("/blog", HttpStatusCode.InternalServerError);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<h1 class=\"govuk-heading-xl\">Sorry, there is a problem with the service</h1>"), "in the layout");
            Assert.That(html, Does.Contain("action=\"/search\""));
            Assert.That(html, Does.Not.Contain("Content-Blog").And.Not.Contain("Exception").And.Not.Contain("   at "));
            Assert.That(response.Headers.GetValues("Content-Security-Policy"), Is.EqualTo(new[] { SiteServices.ContentSecurityPolicy }), "one policy, the site's");
        });
    }

    [Test]
    public async Task When_the_layout_itself_fails_the_reader_gets_a_plain_error_page()
    {
        var layout = Path.Combine(_theme, "Views", "Layout.liquid");
        var original = await File.ReadAllTextAsync(layout);
        try
        {
            await WriteTemplateAsync("Layout", "{{ Body }}{% for %}");

            var response = await WaitForStatusAsync("/one-digital-observational-and-practice-based-learning-report", HttpStatusCode.InternalServerError);
            var html = await response.Content.ReadAsStringAsync();

            Assert.That(html, Does.Contain("<h1>Sorry, there is a problem with the service</h1>"));
            Assert.That(html, Does.Not.Contain("Layout").And.Not.Contain("Exception"));
            Assert.That(response.Headers.GetValues("Content-Security-Policy"), Is.EqualTo(new[] { SiteServices.ContentSecurityPolicy }));
        }
        finally
        {
            await WriteTemplateAsync("Layout", original);
        }
    }

    [Test]
    public async Task Theme_files_are_served_at_hashed_urls_cached_for_a_year()
    {
        var home = await _site.GetStringAsync("/");
        var css = System.Text.RegularExpressions.Regex.Match(home, "href=\"(/theme/css/site\\.css\\?v=[0-9a-f]{12})\"").Groups[1].Value;
        Assert.That(css, Is.Not.Empty, "the layout links the stylesheet by its hash");

        using var hashed = await _site.Http.GetAsync(css);
        using var plain = await _site.Http.GetAsync("/theme/css/site.css");

        Assert.Multiple(() =>
        {
            Assert.That(hashed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(hashed.Headers.CacheControl?.ToString(), Is.EqualTo("public, max-age=31536000, immutable"));
            Assert.That(plain.Headers.CacheControl?.ToString(), Is.EqualTo("no-cache"));
        });
    }

    [Test]
    public async Task A_first_visit_to_a_page_weighs_at_most_150_KB_compressed()
    {
        var total = 0L;
        var html = await _site.GetStringAsync("/about-the-community-of-practice");
        string[] urls = ["/about-the-community-of-practice", .. System.Text.RegularExpressions.Regex.Matches(html, "(?:href|src)=\"(/theme/[^\"]+)\"").Select(m => m.Groups[1].Value)];
        foreach (var url in urls)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.AcceptEncoding.ParseAdd("br, gzip");
            using var response = await _site.Http.SendAsync(request);
            Assert.That(response.Content.Headers.ContentEncoding, Is.EqualTo(new[] { "br" }), url);
            total += (await response.Content.ReadAsByteArrayAsync()).Length;
        }

        Assert.That(urls, Has.Length.GreaterThanOrEqualTo(3), "the page and its two stylesheets");
        Assert.That(total, Is.LessThanOrEqualTo(150 * 1024));
    }

    private async Task WriteTemplateAsync(string name, string text)
    {
        var path = Path.Combine(_theme, "Views", name + ".liquid");
        await File.WriteAllTextAsync(path, text);
        // A new time even on file systems with coarse timestamps.
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(Random.Shared.Next(2, 1000)));
    }

    private async Task<string> WaitForAsync(string path, string text)
    {
        var clock = Stopwatch.StartNew();
        string html;
        do
        {
            html = await (await _site.Http.GetAsync(path)).Content.ReadAsStringAsync();
            if (html.Contains(text)) return html;
            await Task.Delay(100);
        }
        while (clock.Elapsed < TimeSpan.FromSeconds(5));
        Assert.Fail($"{path} did not show {text} within 5 s:\n{html}");
        return html;
    }

    private async Task<HttpResponseMessage> WaitForStatusAsync(string path, HttpStatusCode status)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var response = await _site.Http.GetAsync(path);
            if (response.StatusCode == status || clock.Elapsed > TimeSpan.FromSeconds(5)) return response;
            response.Dispose();
            await Task.Delay(100);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
