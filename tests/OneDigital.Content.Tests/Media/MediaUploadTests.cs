// Why: an upload is the public's and every editor's way to put bytes on the site's origin; each hostile file the
// issue names must be refused with a message that says why, and leave the folder and the table as they were.
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Audit;
using OneDigital.Content.Media;
using OneDigital.Content.Media.Library;
using OneDigital.Content.Store;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Media;

public class MediaUploadTests
{
    private TestStore _store = null!;
    private AsyncServiceScope _scope;

    private MediaStore Uploads => _scope.ServiceProvider.GetRequiredService<MediaStore>();

    private string Root => MediaFolder.Root(_scope.ServiceProvider.GetRequiredService<StoreOptions>());

    [SetUp]
    public async Task SetUpAsync()
    {
        _store = await TestStore.CreateAsync(new Dictionary<string, string?>
        {
            ["OneDigital:Media:MaxFileSize"] = "2000",
            ["OneDigital:Media:MaxFileSizes:.pdf"] = "5000",
        });
        _scope = _store.Scope();
        _scope.ServiceProvider.GetRequiredService<ContentActor>().Set("user-1", "editor");
    }

    [TearDown]
    public async Task TearDownAsync()
    {
        await _scope.DisposeAsync();
        await _store.DisposeAsync();
    }

    private static IEnumerable<TestCaseData> HostileUploads()
    {
        yield return new TestCaseData("photo.jpg", MediaSamples.Html(), "not a real JPG file").SetName("HTML renamed .jpg");
        yield return new TestCaseData("drawing.svg", MediaSamples.SvgWithScript(), "SVG and HTML files cannot be uploaded").SetName("SVG with script");
        yield return new TestCaseData("page.html", MediaSamples.Html(), "SVG and HTML files cannot be uploaded").SetName("HTML");
        yield return new TestCaseData("bomb.png", MediaSamples.PngDeclaring(100_000, 100_000), "declares 100000 × 100000 pixels").SetName("PNG declaring 100,000 x 100,000");
        yield return new TestCaseData("empty.pdf", Array.Empty<byte>(), "The selected file is empty").SetName("0 bytes");
        yield return new TestCaseData("big.png", new byte[2001], "smaller than 2 KB").SetName("over the limit");
        yield return new TestCaseData("big.pdf", new byte[5001], "smaller than 5 KB").SetName("over the per-type limit");
        yield return new TestCaseData("../../x.pdf", MediaSamples.Pdf(), "must not contain a folder path").SetName("climbing name");
        yield return new TestCaseData("a\0b.pdf", MediaSamples.Pdf(), "must not contain control characters").SetName("NUL in the name");
        yield return new TestCaseData(new string('a', 296) + ".pdf", MediaSamples.Pdf(), "100 characters or fewer").SetName("300-character name");
        yield return new TestCaseData("CON.pdf", MediaSamples.Pdf(), "reserved device name").SetName("reserved name");
        yield return new TestCaseData("notes.txt", MediaSamples.Html(), "not plain text").SetName("HTML as .txt");
        yield return new TestCaseData("tool.exe", new byte[] { 0x4D, 0x5A }, "must be a JPG").SetName("extension not allowed");
    }

    [TestCaseSource(nameof(HostileUploads))]
    public async Task A_hostile_upload_is_refused_with_its_message_and_leaves_nothing(string name, byte[] content, string message)
    {
        var error = Assert.ThrowsAsync<MediaException>(async () => await Uploads.SaveAsync("uploads", name, new MemoryStream(content)));

        Assert.That(error!.Message, Does.Contain(message));
        Assert.That(Directory.Exists(Root) ? Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).ToList() : [], Is.Empty);
        Assert.That(await _scope.ServiceProvider.GetRequiredService<ContentDbContext>().Set<MediaAsset>().CountAsync(), Is.Zero);
    }

    [Test]
    public async Task An_accepted_image_is_stored_with_a_safe_name_its_size_and_who_uploaded_it()
    {
        var asset = await Uploads.UploadAsync("/Case Studies/", "Café Photo 1.PNG", new MemoryStream(MediaSamples.Png(40, 30)));

        Assert.That(asset.Path, Is.EqualTo("Case Studies/cafe-photo-1.png"));
        Assert.That((asset.Width, asset.Height, asset.ContentType, asset.UploadedBy, asset.UploadedByName), Is.EqualTo(((int?)40, (int?)30, "image/png", "user-1", "editor")));
        Assert.That(File.ReadAllBytes(Path.Combine(Root, "Case Studies", "cafe-photo-1.png")), Is.EqualTo(MediaSamples.Png(40, 30)));
        Assert.That(Directory.EnumerateFiles(Path.Combine(Root, ".staging")), Is.Empty);
    }

    [Test]
    public async Task A_second_file_of_the_same_name_gets_a_number_and_the_first_is_kept()
    {
        var first = await Uploads.SaveAsync("reports", "report.pdf", new MemoryStream(MediaSamples.Pdf()));
        var second = await Uploads.SaveAsync("reports", "report.pdf", new MemoryStream(MediaSamples.Pdf()));

        Assert.That((first, second), Is.EqualTo(("reports/report.pdf", "reports/report-2.pdf")));
        var rows = await _scope.ServiceProvider.GetRequiredService<ContentDbContext>().Set<MediaAsset>().Select(a => a.Path).OrderBy(p => p).ToListAsync();
        Assert.That(rows, Is.EqualTo(new[] { "reports/report-2.pdf", "reports/report.pdf" }));
    }

    [Test]
    public async Task An_upload_whose_transaction_rolls_back_leaves_neither_file_nor_row()
    {
        var transaction = _scope.ServiceProvider.GetRequiredService<StoreTransaction>();
        string? path = null;

        Assert.ThrowsAsync<InvalidOperationException>(() => transaction.RunAsync(async () =>
        {
            path = await Uploads.SaveAsync("reports", "report.pdf", new MemoryStream(MediaSamples.Pdf()));
            throw new InvalidOperationException("what was to link it failed");
        }));
        Uploads.Delete(path!);

        Assert.That(File.Exists(Path.Combine(Root, "reports", "report.pdf")), Is.False);
        Assert.That(await _scope.ServiceProvider.GetRequiredService<ContentDbContext>().Set<MediaAsset>().CountAsync(), Is.Zero);
    }
}
