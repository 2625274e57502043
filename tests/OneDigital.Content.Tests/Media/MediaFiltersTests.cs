// Why: templates written for Orchard use resize_url with named or positional arguments, a profile or a focal point;
// each must give the URL the media endpoint reads, and a srcset must list every width.
using System.Text.Json.Nodes;
using Fluid;
using OneDigital.Content.Liquid;
using OneDigital.Content.Media.Images;

namespace OneDigital.Content.Tests.Media;

public sealed class MediaFiltersTests
{
    private static readonly LiquidRenderer Renderer = new();

    private static Task<string> RenderAsync(string source, object? anchor = null) =>
        Renderer.RenderAsync(source, new Dictionary<string, object?> { ["anchor"] = anchor }, encoder: NullEncoder.Default);

    [TestCase("{{ '/media/a.jpg' | resize_url: width: 640, height: 480, mode: 'crop' }}", "/media/a.jpg?width=640&height=480&rmode=crop")]
    [TestCase("{{ '/media/a.jpg' | resize_url: 100, 240 }}", "/media/a.jpg?width=100&height=240")]
    [TestCase("{{ '/media/a.jpg' | resize_url: 100, 240, 'pad', 80, 'webp', nil, 'ffcc00' }}", "/media/a.jpg?width=100&height=240&rmode=pad&format=webp&quality=80&bgcolor=ffcc00")]
    [TestCase("{{ '/media/a.jpg?v=abc' | resize_url: profile: 'banner' }}", "/media/a.jpg?v=abc&profile=banner")]
    [TestCase("{{ 'photos/team day.jpg' | resize_url: width: 480, rxy: '0.25,0.5', mode: 'crop' }}", "/media/photos/team%20day.jpg?width=480&rmode=crop&rxy=0.25,0.5")]
    public async Task Resize_url_writes_orchards_query_string(string template, string expected)
    {
        Assert.That(await RenderAsync(template), Is.EqualTo(expected));
    }

    [Test]
    public async Task Resize_url_takes_the_focal_point_from_an_anchor_object()
    {
        var anchor = new JsonObject { ["X"] = 0.2, ["Y"] = 0.3 };

        Assert.That(await RenderAsync("{{ '/media/a.jpg' | resize_url: width: 100, height: 100, mode: 'crop', anchor: anchor }}", anchor),
            Is.EqualTo("/media/a.jpg?width=100&height=100&rmode=crop&rxy=0.2,0.3"));
    }

    [Test]
    public async Task Srcset_lists_each_width_in_order()
    {
        Assert.That(await RenderAsync("{{ '/media/a.jpg' | srcset: widths: '1024,480', format: 'webp' }}"),
            Is.EqualTo("/media/a.jpg?width=480&format=webp 480w, /media/a.jpg?width=1024&format=webp 1024w"));
    }

    [Test]
    public void Profiles_are_read_from_orchards_step_with_names_or_numbers()
    {
        var step = JsonNode.Parse("""
            { "name": "MediaProfiles", "MediaProfiles": {
                "Banner": { "Width": 1920, "Height": 600, "Mode": "Crop", "Format": "WebP", "Quality": 85, "BackgroundColor": "" },
                "legacy": { "Width": 300, "Height": 0, "Mode": 3, "Format": 4, "Quality": 0 } } }
            """)!.AsObject();

        var profiles = MediaProfiles.Read([step]);

        Assert.Multiple(() =>
        {
            Assert.That(profiles["banner"], Is.EqualTo(new ImageResize { Profile = "Banner", Width = 1920, Height = 600, Mode = ResizeMode.Crop, Format = ImageOutputFormat.WebP, Quality = 85 }));
            Assert.That(profiles["legacy"], Is.EqualTo(new ImageResize { Profile = "legacy", Width = 300, Mode = ResizeMode.Pad, Format = ImageOutputFormat.Png }));
        });
    }
}
