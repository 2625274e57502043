// Why: partners upload reports and photos through the API; refused files must be answered per file with the
// reason and status, and nothing of theirs may reach the library.
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using OneDigital.Testing;
using static OneDigital.Web.Tests.Auth.Partners;

namespace OneDigital.Web.Tests.Api;

public sealed class MediaApiTests
{
    private TestSite _store = null!;
    private RunningSite _site = null!;
    private string _media = null!;
    private string _contentOnly = null!;

    [OneTimeSetUp]
    public async Task StartSite()
    {
        _store = TestSite.Create();
        _site = await _store.StartAsync([TestSite.SetupRecipe("media-api.recipe.json"), "--OneDigital:OpenId:RequireHttps=false", "--OneDigital:Media:MaxFileSize=50000"]);
        await _site.SetupCompletion;
        _media = await TokenAsync(_site.Http, "media-site", "media-secret-0123456789");
        _contentOnly = await TokenAsync(_site.Http, "content-site", "content-secret-0123456789");
    }

    [OneTimeTearDown]
    public async Task StopSite()
    {
        await _site.DisposeAsync();
        await _store.DisposeAsync();
    }

    private Task<HttpResponseMessage> Upload(string? token, string folder, params (string Name, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, bytes) in files) form.Add(new ByteArrayContent(bytes), "files", name);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/media?folder={Uri.EscapeDataString(folder)}") { Content = form };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return _site.Http.SendAsync(request);
    }

    private string MediaRoot => Path.Combine(_store.DataDir, "Media");

    [Test]
    public async Task Several_files_are_uploaded_in_one_request_and_listed_with_their_urls()
    {
        var response = await Upload(_media, "reports", ("Annual Report.pdf", MediaSamples.Pdf()), ("cover.png", MediaSamples.Png(30, 20)));
        var body = await JsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), body.ToJsonString());
        Assert.That(body["files"]!.AsArray().Select(f => ((string?)f!["path"], (string?)f["url"])),
            Is.EqualTo(new[] { ("reports/annual-report.pdf", "/media/reports/annual-report.pdf"), ("reports/cover.png", "/media/reports/cover.png") }));
        Assert.That((int?)body["files"]![1]!["width"], Is.EqualTo(30));

        var listing = await JsonAsync(await SendAsync(_site.Http, HttpMethod.Get, "/api/media?folder=reports", _media));
        Assert.That(listing["files"]!.AsArray().Select(f => (string?)f!["path"]), Is.SupersetOf(new[] { "reports/annual-report.pdf", "reports/cover.png" }));
        var root = await JsonAsync(await SendAsync(_site.Http, HttpMethod.Get, "/api/media", _media));
        Assert.That(root["folders"]!.AsArray().Select(f => (string?)f), Does.Contain("reports"));
    }

    [Test]
    public async Task Refused_files_get_a_problem_per_file_with_their_status_and_nothing_is_written_for_them()
    {
        var disguised = await Upload(_media, "hostile", ("photo.jpg", MediaSamples.Html()));
        var large = await Upload(_media, "hostile", ("big.pdf", [.. MediaSamples.Pdf(), .. new byte[60_000]]));
        var mixed = await Upload(_media, "mixed", ("ok.pdf", MediaSamples.Pdf()), ("bomb.png", MediaSamples.PngDeclaring(100_000, 100_000)));

        Assert.That(disguised.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That(disguised.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That((string?)(await JsonAsync(disguised))["errors"]![0]!["detail"], Does.Contain("not a real JPG file"));
        Assert.That(large.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        var problem = await JsonAsync(mixed);
        Assert.That(mixed.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string?)problem["errors"]![0]!["file"], Is.EqualTo("bomb.png"));
        Assert.That((string?)problem["files"]![0]!["path"], Is.EqualTo("mixed/ok.pdf"));
        Assert.That(Directory.Exists(Path.Combine(MediaRoot, "hostile")) ? Directory.EnumerateFiles(Path.Combine(MediaRoot, "hostile")) : [], Is.Empty);
        Assert.That(Directory.EnumerateFiles(Path.Combine(MediaRoot, "mixed")).Select(Path.GetFileName), Is.EqualTo(new[] { "ok.pdf" }));
    }

    [Test]
    public async Task A_caller_without_ManageMediaContent_gets_403_and_an_anonymous_one_401()
    {
        Assert.That((await Upload(_contentOnly, "x", ("a.pdf", MediaSamples.Pdf()))).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await Upload(null, "x", ("a.pdf", MediaSamples.Pdf()))).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await SendAsync(_site.Http, HttpMethod.Get, "/api/media", _contentOnly)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(Directory.Exists(Path.Combine(MediaRoot, "x")), Is.False);
    }
}
