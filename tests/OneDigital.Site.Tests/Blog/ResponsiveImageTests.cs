// Why: readers on slow connections and old phones should download an image at the size their screen shows it, in
// WebP where the browser takes it, without the page jumping as it loads; every address the page offers must work.
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Store;
using OneDigital.Site.Models;
using OneDigital.Site.Tests.Support;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace OneDigital.Site.Tests.Blog;

public sealed partial class ResponsiveImageTests
{
    private ReadersSite _site = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _site = await ReadersSite.StartAsync();
        var media = Path.Combine(_site.Services.GetRequiredService<StoreOptions>().DataDir, "Media", "blog");
        Directory.CreateDirectory(media);
        using (var photo = new Image<Rgb24>(2000, 1500, new Rgb24(40, 90, 160)))
        {
            await photo.SaveAsJpegAsync(Path.Combine(media, "workshop.jpg"));
        }
        using (var icon = new Image<Rgb24>(120, 90, new Rgb24(200, 60, 60)))
        {
            await icon.SaveAsPngAsync(Path.Combine(media, "icon.png"));
        }
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _site.DisposeAsync();

    private async Task<string> PostWithImageAsync(string title, string path)
    {
        var blogId = await _site.IdAtAsync("blog");
        var post = await _site.CreateAsync("BlogPost", title, publish: true, "A post with a picture.", item =>
        {
            item.GetOrCreatePart("ContainedPart")["ListContentItemId"] = blogId;
            item.GetOrCreatePart("BlogPost")["Image"] = new JsonObject { ["Paths"] = new JsonArray(path), ["MediaTexts"] = new JsonArray("People at a workshop") };
        });
        return await _site.GetStringAsync(ItemViews.UrlOf(post)!);
    }

    [Test]
    public async Task A_posts_photograph_offers_webp_and_its_own_format_at_the_supported_widths_with_its_size()
    {
        var html = await PostWithImageAsync("Workshop day", "blog/workshop.jpg");

        var picture = Picture().Match(html);
        Assert.That(picture.Success, Is.True, "a <picture> element");
        var webp = Srcset(Regex.Match(picture.Value, "<source type=\"image/webp\" srcset=\"([^\"]+)\"").Groups[1].Value);
        var img = Regex.Match(picture.Value, "<img [^>]+>").Value;
        Assert.Multiple(() =>
        {
            Assert.That(webp.Select(s => s.Width), Is.EqualTo(new[] { 240, 480, 600, 1024 }));
            Assert.That(webp.Select(s => s.Url), Has.All.Contains("format=webp"));
            Assert.That(webp.Select(s => s.Url), Has.All.Contains("v="));
            Assert.That(img, Does.Contain("width=\"2000\" height=\"1500\""));
            Assert.That(img, Does.Contain("sizes=\""));
            Assert.That(img, Does.Contain("alt=\"People at a workshop\""));
            Assert.That(img, Does.Not.Contain("loading=\"lazy\""), "a post's image is at the top of the page");
        });
    }

    [Test]
    public async Task Every_address_in_the_srcset_answers_with_an_image_of_that_width()
    {
        var html = await PostWithImageAsync("Workshop sizes", "blog/workshop.jpg");
        var picture = Picture().Match(html).Value;
        var candidates = Srcset(Regex.Match(picture, "<source type=\"image/webp\" srcset=\"([^\"]+)\"").Groups[1].Value)
            .Concat(Srcset(Regex.Match(picture, "<img [^>]*srcset=\"([^\"]+)\"").Groups[1].Value));

        foreach (var (url, width) in candidates)
        {
            using var response = await _site.Http.GetAsync(url);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), url);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Multiple(() =>
            {
                Assert.That(Image.Identify(bytes).Width, Is.EqualTo(width), url);
                Assert.That(response.Headers.CacheControl?.ToString(), Does.Contain("immutable"), "the address carries the file's fingerprint");
            });
        }
    }

    [Test]
    public async Task An_image_smaller_than_the_smallest_width_is_shown_as_it_is()
    {
        var html = await PostWithImageAsync("Small icon", "blog/icon.png");

        Assert.Multiple(() =>
        {
            Assert.That(Picture().IsMatch(html), Is.False);
            Assert.That(html, Does.Match("<img class=\"site-image\" src=\"/media/blog/icon.png\\?v=[0-9a-f]+\" alt=\"People at a workshop\" width=\"120\" height=\"90\">"));
        });
    }

    private static List<(string Url, int Width)> Srcset(string srcset) =>
        [.. WebUtility.HtmlDecode(srcset).Split(", ").Select(c => c.Split(' ')).Select(p => (p[0], int.Parse(p[1].TrimEnd('w'))))];

    [GeneratedRegex("<picture>.*?</picture>", RegexOptions.Singleline)]
    private static partial Regex Picture();
}
