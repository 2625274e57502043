// Why: a reader's learning becomes a draft for editors and nothing else: the fields and the file are kept, editors
// are emailed, and the draft never reaches a page or search; a file of the wrong kind or size keeps nothing.
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Items;
using OneDigital.Content.Media;
using OneDigital.Content.Store;
using OneDigital.Search.SiteSearch;
using OneDigital.Site.ShareLearning;
using OneDigital.Site.Tests.Support;

namespace OneDigital.Site.Tests.Forms;

public sealed class ShareLearningTests
{
    private ReadersSite _site = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _site = await ReadersSite.StartAsync(
        [.. SiteForms.Settings, "--OneDigital:Media:MaxFileSize=5000", "--OneDigital:Site:Forms:NotifyEmails:0=learning@example.org"]);

    [OneTimeTearDown]
    public async Task StopAsync() => await _site.DisposeAsync();

    [Test]
    public async Task Sharing_learning_makes_a_draft_with_the_fields_and_file_mails_editors_and_nothing_is_public()
    {
        var token = await SiteForms.TokenAsync(_site, ShareLearningPages.FormPath);

        using var response = await SiteForms.PostAsync(_site, ShareLearningPages.FormPath,
            Fields(token, "Quokkaville library champions"), ("Our Report.PDF", "%PDF-1.4 learning"u8.ToArray()));

        Assert.That(response.RequestMessage?.RequestUri?.AbsolutePath, Is.EqualTo(ShareLearningPages.ThankYouPath), await response.Content.ReadAsStringAsync());
        var mail = SiteForms.Mails(_site)[^1];
        Assert.That(mail.Subject, Is.EqualTo("Learning shared: Quokkaville library champions"));
        Assert.That(mail.To.Mailboxes.Select(m => m.Address), Is.EquivalentTo(new[] { "learning@example.org", "admin@example.test" }),
            "the configured address and the administrator, who may edit submissions");
        var id = Regex.Match(mail.TextBody ?? "", "/admin/content/([^/]+)/edit").Groups[1].Value;

        var draft = await _site.WithContentAsync(m => m.GetAsync(id, VersionOptions.Latest));
        var published = await _site.WithContentAsync(m => m.GetAsync(id));
        Assert.That(draft, Is.Not.Null);
        Assert.That(published, Is.Null, "never published by the form");
        var part = draft!.GetOrCreatePart("LearningSubmission");
        Assert.Multiple(() =>
        {
            Assert.That(draft.Published, Is.False);
            Assert.That(part["Name"]?["Text"]?.GetValue<string>(), Is.EqualTo("Ada Reader"));
            Assert.That(part["Organisation"]?["Text"]?.GetValue<string>(), Is.EqualTo("Quokkaville Libraries"));
            Assert.That(part["Email"]?["Text"]?.GetValue<string>(), Is.EqualTo("ada@example.org"));
            Assert.That(part["Title"]?["Text"]?.GetValue<string>(), Is.EqualTo("Quokkaville library champions"));
            Assert.That(part["Summary"]?["Text"]?.GetValue<string>(), Is.EqualTo("Drop-in sessions work best on market day."));
            Assert.That(draft.DisplayText, Is.EqualTo("Quokkaville library champions (from Ada Reader)"));
            Assert.That(draft.Author, Is.EqualTo(ShareLearningPages.ActorName));
        });
        var path = part["File"]?["Paths"]?[0]?.GetValue<string>();
        Assert.That(path, Is.EqualTo($"{LearningSubmissions.FolderOf(id)}/our-report.pdf"));
        var root = MediaFolder.Root(_site.Services.GetRequiredService<StoreOptions>());
        Assert.That(await File.ReadAllTextAsync(MediaFolder.FileIn(root, path!)!), Is.EqualTo("%PDF-1.4 learning"));

        // A published item with the same word shows the index has caught up; the draft is still not found.
        await _site.CreateAsync("Page", "Quokkaville published page", publish: true, "About Quokkaville.");
        var hits = await SearchAsync("Quokkaville");
        Assert.That(hits.Select(h => h.Item.ContentType), Is.EqualTo(new[] { "Page" }), "the draft is not in search");
        using var page = await _site.Http.GetAsync("/quokkaville-library-champions");
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "it has no page");
    }

    [TestCase("notes.exe", 100, "The selected file must be a JPG")]
    [TestCase("photo.png", 6000, "The selected file must be smaller than 5 KB")]
    public async Task A_disallowed_or_too_large_file_is_refused_with_a_message_and_nothing_is_kept(string name, int size, string message)
    {
        var mails = SiteForms.Mails(_site).Count;
        var before = Directory.Exists(MediaRoot()) ? Directory.GetFiles(MediaRoot(), "*", SearchOption.AllDirectories).Length : 0;

        using var response = await SiteForms.PostAsync(_site, ShareLearningPages.FormPath,
            Fields(await SiteForms.TokenAsync(_site, ShareLearningPages.FormPath), "Refused file"), (name, new byte[size]));
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(html, Does.Contain("<a href=\"#file\">" + message));
        Assert.That(html, Does.Contain("id=\"file-error\""));
        Assert.That(html, Does.Contain("value=\"Refused file\""), "what was typed is kept");
        Assert.That(SiteForms.Mails(_site), Has.Count.EqualTo(mails));
        Assert.That(Directory.Exists(MediaRoot()) ? Directory.GetFiles(MediaRoot(), "*", SearchOption.AllDirectories).Length : 0, Is.EqualTo(before));
        Assert.That(await TitledAsync("Refused file"), Is.False);
    }

    [Test]
    public async Task Missing_answers_get_the_form_back_with_a_message_for_each_and_nothing_is_kept()
    {
        using var response = await SiteForms.PostAsync(_site, ShareLearningPages.FormPath,
            [new("form_token", await SiteForms.TokenAsync(_site, ShareLearningPages.FormPath)), new("email", "ada@example.org"), new("website", "")]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Regex.Matches(html, "<li><a href=\"#(\\w+)\">").Select(m => m.Groups[1].Value), Is.EqualTo(new[] { "name", "title", "learning" }));
        Assert.That(html, Does.Contain("Enter your name").And.Contain("Enter a title for your learning").And.Contain("Enter what you learned"));
    }

    private static KeyValuePair<string, string>[] Fields(string token, string title) =>
    [
        new("form_token", token), new("website", ""), new("name", "Ada Reader"), new("organisation", "Quokkaville Libraries"),
        new("email", "ada@example.org"), new("title", title), new("learning", "Drop-in sessions work best on market day."),
    ];

    private string MediaRoot() => MediaFolder.Root(_site.Services.GetRequiredService<StoreOptions>());

    private async Task<IReadOnlyList<SiteSearchHit>> SearchAsync(string text)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            await using var scope = _site.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<SiteSearchService>().SearchAsync(new SiteSearchRequest(text), null);
            if (result.Total > 0 || clock.Elapsed > TimeSpan.FromSeconds(10)) return result.Items;
            await Task.Delay(100);
        }
    }

    private async Task<bool> TitledAsync(string title)
    {
        await using var scope = _site.Services.CreateAsyncScope();
        var items = await scope.ServiceProvider.GetRequiredService<OneDigital.Content.Querying.ContentQuery>()
            .ListAsync(new OneDigital.Content.Querying.ContentListRequest("LearningSubmission") { Status = OneDigital.Content.Querying.ContentStatus.Latest, Take = 100 });
        return items.Any(i => (i.DisplayText ?? "").StartsWith(title, StringComparison.Ordinal));
    }
}
