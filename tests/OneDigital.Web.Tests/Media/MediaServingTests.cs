// Why: /media is what readers, partners and GraphQL link to. Originals must come back with validators, ranges and
// types that cannot be turned into script; variants only at allowed sizes, with the focal point kept, made once.
// Over real HTTP against the real host.
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Media;
using OneDigital.Content.Media.Images;
using OneDigital.Content.Recipes.Stored;
using OneDigital.Content.Store;
using OneDigital.Web.Media;
using OneDigital.Testing;
using SixLabors.ImageSharp;

namespace OneDigital.Web.Tests.Media;

public sealed class MediaServingTests
{
    private TestSite _store = null!;
    private RunningSite _site = null!;
    private string _root = null!;

    private HttpClient Http => _site.Http;

    [OneTimeSetUp]
    public async Task StartSite()
    {
        _store = TestSite.Create();
        _site = await _store.StartAsync(TestSite.SetupRecipe("empty.recipe.json"));
        await _site.SetupCompletion;
        _root = MediaFolder.Root(_site.Services.GetRequiredService<StoreOptions>());
        // A photograph's size, with a red square near the top-left corner (centre 300,300, 400 wide).
        Write("photos/big.jpg", MediaSamples.JpegWithRedSquare(4000, 3000, 300, 300, 400));
        Write("photos/small.png", MediaSamples.Png(64, 48));
        Write("photos/bomb.png", MediaSamples.PngDeclaring(100_000, 100_000));
        Write("docs/report.pdf", [.. "%PDF-1.4\n"u8, .. new byte[1000]]);
        Write("docs/notes.docx", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3]);
        Write("docs/page.html", "<script>alert(1)</script>"u8.ToArray());
    }

    [OneTimeTearDown]
    public async Task StopSite()
    {
        await _site.DisposeAsync();
        await _store.DisposeAsync();
    }

    private void Write(string path, byte[] bytes)
    {
        var full = Path.Combine(_root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : null;

    private long Made => _site.Services.GetRequiredService<ImageVariants>().Made;

    [Test]
    public async Task An_image_is_served_inline_with_its_type_validators_nosniff_and_a_policy_that_loads_nothing()
    {
        using var response = await Http.GetAsync("/media/photos/small.png");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/png"));
            Assert.That(response.Headers.ETag, Is.Not.Null);
            Assert.That(response.Content.Headers.LastModified, Is.Not.Null);
            Assert.That(Header(response, "X-Content-Type-Options"), Is.EqualTo("nosniff"));
            Assert.That(Header(response, "Content-Security-Policy"), Does.StartWith("default-src 'none'"));
            Assert.That(response.Content.Headers.ContentDisposition?.DispositionType, Is.EqualTo("inline"));
            Assert.That(Header(response, "Cache-Control"), Does.Not.Contain("immutable"), "no fingerprint: kept briefly");
        });
    }

    [Test]
    public async Task A_repeated_request_with_the_entity_tag_is_answered_not_modified()
    {
        using var first = await Http.GetAsync("/media/photos/small.png");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/media/photos/small.png");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var response = await Http.SendAsync(again);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
    }

    [Test]
    public async Task A_pdf_is_served_in_ranges()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/media/docs/report.pdf");
        request.Headers.Range = new RangeHeaderValue(0, 3);

        using var response = await Http.SendAsync(request);

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.PartialContent));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("%PDF"));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
        });
    }

    [TestCase("/media/docs/notes.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [TestCase("/media/docs/page.html", "application/octet-stream")]
    public async Task Documents_and_unlisted_kinds_are_downloads_never_shown_in_place(string url, string type)
    {
        using var response = await Http.GetAsync(url);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(type));
            Assert.That(response.Content.Headers.ContentDisposition?.DispositionType, Is.EqualTo("attachment"));
            Assert.That(Header(response, "X-Content-Type-Options"), Is.EqualTo("nosniff"));
        });
    }

    [TestCase("/media/..%2F..%2Fonedigital.store.json")]
    [TestCase("/media/photos/missing.png")]
    [TestCase("/media/photos")]
    public async Task Paths_outside_the_library_missing_files_and_folders_are_not_found(string url)
    {
        using var response = await Http.GetAsync(url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task A_head_request_answers_the_headers_only()
    {
        using var response = await Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/media/photos/small.png"));

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/png"));
            Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.Empty);
        });
    }

    private static readonly (int Width, int Height)[] Boxes = [(100, 100), (240, 160), (480, 240), (1024, 600), (2048, 1024)];

    [Test]
    public async Task A_large_photograph_is_made_at_five_sizes_in_three_modes()
    {
        var failures = new List<string>();
        foreach (var (width, height) in Boxes)
        {
            foreach (var mode in new[] { "crop", "pad", "max" })
            {
                using var response = await Http.GetAsync($"/media/photos/big.jpg?width={width}&height={height}&rmode={mode}");
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"{width}x{height} {mode}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    continue;
                }
                var info = Image.Identify(await response.Content.ReadAsByteArrayAsync());
                var fits = mode == "max"
                    ? info.Width <= width && info.Height <= height && (info.Width == width || info.Height == height) && Math.Abs(info.Width * 3 - info.Height * 4) <= 4
                    : info.Width == width && info.Height == height;
                if (!fits) failures.Add($"{width}x{height} {mode}: made {info.Width}x{info.Height}");
            }
        }
        Assert.That(failures, Is.Empty);
    }

    [Test]
    public async Task A_crop_keeps_the_focal_point_in_the_picture()
    {
        // The red square sits at 7.5 % across and 10 % down; a 100 × 16 strip from the middle misses it.
        var centred = await Http.GetByteArrayAsync("/media/photos/big.jpg?width=100&height=16&rmode=crop");
        var focused = await Http.GetByteArrayAsync("/media/photos/big.jpg?width=100&height=16&rmode=crop&rxy=0.075,0.1");

        Assert.Multiple(() =>
        {
            Assert.That(MediaSamples.HasRed(centred), Is.False, "the centred crop");
            Assert.That(MediaSamples.HasRed(focused), Is.True, "the crop around the focal point");
        });
    }

    [Test]
    public async Task A_webp_variant_is_a_webp_image_that_decodes()
    {
        using var response = await Http.GetAsync("/media/photos/big.jpg?width=480&format=webp&quality=60");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        using var image = Image.Load(bytes, out var format);
        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/webp"));
            Assert.That(format.Name, Is.EqualTo("Webp").IgnoreCase);
            Assert.That((image.Width, image.Height), Is.EqualTo((480, 360)));
        });
    }

    [Test]
    public async Task The_second_request_for_a_variant_is_served_from_the_cache()
    {
        using var first = await Http.GetAsync("/media/photos/big.jpg?width=160&height=160&rmode=pad&bgcolor=ffcc00");
        var made = Made;
        var files = Directory.GetFiles(Path.Combine(_store.DataDir, ImageVariants.FolderName), "*", SearchOption.AllDirectories).Length;

        using var second = await Http.GetAsync("/media/photos/big.jpg?width=160&height=160&rmode=pad&bgcolor=ffcc00");

        Assert.Multiple(async () =>
        {
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Made, Is.EqualTo(made), "no new variant was made");
            Assert.That(Directory.GetFiles(Path.Combine(_store.DataDir, ImageVariants.FolderName), "*", SearchOption.AllDirectories), Has.Length.EqualTo(files));
            Assert.That(second.Headers.ETag, Is.EqualTo(first.Headers.ETag));
            Assert.That(await second.Content.ReadAsByteArrayAsync(), Is.EqualTo(await first.Content.ReadAsByteArrayAsync()));
        });
    }

    [Test]
    public async Task Concurrent_requests_for_one_new_variant_make_it_once()
    {
        var before = Made;

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Http.GetAsync("/media/photos/big.jpg?width=600&height=50&rmode=stretch")));

        Assert.Multiple(() =>
        {
            Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
            Assert.That(Made - before, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_fingerprinted_url_may_be_kept_for_a_year()
    {
        var stamp = _site.Services.GetRequiredService<MediaOriginals>().Find("photos/big.jpg")!.Stamp;

        using var response = await Http.GetAsync($"/media/photos/big.jpg?width=240&v={stamp}");

        Assert.That(Header(response, "Cache-Control"), Is.EqualTo(MediaEndpoints.Immutable));
    }

    [TestCase("width=500", "supported sizes")]
    [TestCase("width=100&height=99999", "supported sizes")]
    [TestCase("width=100&rmode=sideways", "rmode")]
    [TestCase("width=100&quality=0", "quality")]
    [TestCase("width=100&rxy=2,0", "rxy")]
    [TestCase("profile=nosuch", "no media profile")]
    public async Task A_size_outside_the_allow_list_or_a_bad_option_is_refused_with_a_message(string query, string message)
    {
        using var response = await Http.GetAsync($"/media/photos/big.jpg?{query}");

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(message));
            Assert.That(Header(response, "Cache-Control") ?? "", Does.Not.Contain("public"), "a refusal is not kept by caches");
        });
    }

    [Test]
    public async Task An_image_declaring_ten_billion_pixels_is_refused_before_it_is_decoded()
    {
        using var response = await Http.GetAsync("/media/photos/bomb.png?width=100");

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("100000 × 100000"));
        });
    }

    [Test]
    public async Task A_document_cannot_be_resized()
    {
        using var response = await Http.GetAsync("/media/docs/report.pdf?width=100");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task A_media_profile_from_a_stored_MediaProfiles_step_names_a_size_outside_the_list()
    {
        await using (var scope = _site.Services.CreateAsyncScope())
        {
            var step = JsonNode.Parse("""
                { "name": "MediaProfiles", "MediaProfiles": {
                    "banner": { "Hint": "Wide banner", "Width": 1200, "Height": 300, "Mode": "Crop", "Format": "WebP", "Quality": 70, "BackgroundColor": "" },
                    "thumb": { "Width": 90, "Height": 0, "Mode": 1, "Format": 0, "Quality": 0 } } }
                """)!.AsObject();
            await scope.ServiceProvider.GetRequiredService<StoredRecipeSteps>().StoreAsync("MediaProfiles", step);
        }
        _site.Services.GetRequiredService<MediaProfiles>().Forget();

        using var banner = await Http.GetAsync("/media/photos/big.jpg?profile=Banner");
        using var thumb = await Http.GetAsync("/media/photos/big.jpg?profile=thumb");

        var bannerInfo = Image.Identify(await banner.Content.ReadAsByteArrayAsync());
        var thumbInfo = Image.Identify(await thumb.Content.ReadAsByteArrayAsync());
        Assert.Multiple(() =>
        {
            Assert.That(banner.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/webp"));
            Assert.That((bannerInfo.Width, bannerInfo.Height), Is.EqualTo((1200, 300)));
            Assert.That(thumb.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/jpeg"));
            Assert.That((thumbInfo.Width, thumbInfo.Height), Is.EqualTo((90, 68)));
        });
    }
}
