// Why: the library's upload form is how editors add files without scripts; several files post at once, each
// refused file is named with its reason, and the accepted ones are kept.
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Store;
using OneDigital.Testing;

namespace OneDigital.Admin.Tests.Media;

public sealed class MediaLibraryPageTests
{
    private AdminSite _site = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _site = await AdminSite.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _site.DisposeAsync();

    private string MediaRoot => Path.Combine(_site.Services.GetRequiredService<StoreOptions>().DataDir, "Media");

    private static async Task<HttpResponseMessage> UploadAsync(AdminClient client, string folder, params (string Name, byte[] Bytes)[] files)
    {
        using var page = await client.GetAsync($"/admin/media?folder={folder}");
        var token = AdminClient.AntiforgeryToken(await page.Content.ReadAsStringAsync());
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), AdminClient.AntiforgeryField },
            { new StringContent(folder), "folder" },
        };
        foreach (var (name, bytes) in files) form.Add(new ByteArrayContent(bytes), "files", name);
        return await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/admin/media?handler=Upload") { Content = form });
    }

    [Test]
    public async Task Several_files_upload_at_once_and_each_refused_one_is_named_with_its_reason()
    {
        using var admin = await _site.SignedInAdminAsync();
        using (var folder = await admin.PostFormAsync("/admin/media", [new("name", "Reports 2026")], "/admin/media?handler=Folder"))
        {
            Assert.That(folder.Headers.Location?.ToString(), Is.EqualTo("/admin/media?folder=reports-2026"));
        }

        using var response = await UploadAsync(admin, "reports-2026",
            ("Annual report.pdf", MediaSamples.Pdf()), ("cover.jpg", MediaSamples.Html()), ("bomb.png", MediaSamples.PngDeclaring(100_000, 100_000)));
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(html, Does.Contain("cover.jpg: The selected file is not a real JPG file"));
        Assert.That(html, Does.Contain("bomb.png: The selected image is too large"));
        Assert.That(Directory.EnumerateFiles(Path.Combine(MediaRoot, "reports-2026")).Select(Path.GetFileName), Is.EqualTo(new[] { "annual-report.pdf" }));
    }
}
