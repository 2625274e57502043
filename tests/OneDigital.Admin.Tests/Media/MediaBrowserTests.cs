// Why: the editor's whole media journey in Chromium: upload an image to the library and describe it, upload a PDF in
// place into a Report's download, choose the image for a blog post from the library, give it alt text and a focal
// point, and find Orchard's JSON stored and the image in GraphQL at two widths; every library page passes axe-core.
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OneDigital.Admin.Tests.Editing;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Items;
using OneDigital.Testing;

namespace OneDigital.Admin.Tests.Media;

public sealed class MediaBrowserTests : BrowserTest
{
    [Test]
    public async Task An_editor_uploads_a_pdf_and_an_image_sets_alt_text_and_a_focal_point_and_the_item_keeps_them()
    {
        var report = (await Site.LatestOfTypeAsync("Report")).Single(r => r.DisplayText == "Working with learners").ContentItemId;
        var post = await Site.CreateAsync("BlogPost", i =>
        {
            i.DisplayText = "Learning in the open";
            i.GetOrCreatePart("TitlePart")["Title"] = "Learning in the open";
        });
        var work = TestContext.CurrentContext.WorkDirectory;
        var photo = Path.Combine(work, "learners-photo.png");
        var pdf = Path.Combine(work, "working-with-learners.pdf");
        await File.WriteAllBytesAsync(photo, MediaSamples.Png(64, 48));
        await File.WriteAllBytesAsync(pdf, MediaSamples.Pdf());
        await SignInAsync();

        // The library: upload an image, open it, describe it.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Media", Exact = true }).ClickAsync();
        await Page.WaitForURLAsync("**/admin/media");
        await Axe.AssertNoViolationsAsync(Page);
        await Page.GetByLabel("Folder name").FillAsync("Photos");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add folder" }).ClickAsync();
        await Page.WaitForURLAsync("**/admin/media?folder=photos");
        await Page.GetByLabel("Upload files").SetInputFilesAsync(photo);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByText("1 file was uploaded.")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(Page);
        await Page.GetByRole(AriaRole.Link, new() { Name = "list", Exact = true }).ClickAsync();
        await Axe.AssertNoViolationsAsync(Page);
        await Page.GetByRole(AriaRole.Link, new() { Name = "learners-photo.png" }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("dimensions")).ToHaveTextAsync("64 × 48 pixels");
        await Page.GetByLabel("Alternative text").FillAsync("Learners around a laptop");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save alternative text" }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("alt")).ToHaveTextAsync("Learners around a laptop");
        await Axe.AssertNoViolationsAsync(Page);

        // The report's PDF, uploaded in place on the edit form.
        await Page.GotoAsync($"/admin/content/{report}/edit");
        await Page.GetByLabel("Upload a file for Download (PDF)").SetInputFilesAsync(pdf);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save and continue editing" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Your changes were saved.")).ToBeVisibleAsync();
        var pdfPath = $"mediafields/Report/{report}/working-with-learners.pdf";
        Assert.That(((JsonArray)(await Site.LatestAsync(report))!.Part("Report")!["Download"]!["Paths"]!).Select(p => (string?)p), Is.EqualTo(new[] { pdfPath }));

        // The post's image, chosen from the library, with this use's alt text and a focal point.
        await Page.GotoAsync($"/admin/content/{post}/edit");
        await Page.GetByLabel("Search the media library for Image").FillAsync("learners");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Search the media library for Image" }).ClickAsync();
        await Page.GetByLabel("photos/learners-photo.png").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save and continue editing" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Your changes were saved.")).ToBeVisibleAsync();
        await Page.GetByLabel("Alternative text for learners-photo.png").FillAsync("Two learners sharing a laptop");
        await Page.GetByLabel("X", new() { Exact = true }).FillAsync("0.25");
        await Page.GetByLabel("Y", new() { Exact = true }).FillAsync("0.75");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save and continue editing" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Your changes were saved.")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(Page);

        var image = (JsonObject)(await Site.LatestAsync(post))!.Part("BlogPost")!["Image"]!;
        Assert.That(((JsonArray)image["Paths"]!).Select(p => (string?)p), Is.EqualTo(new[] { "photos/learners-photo.png" }));
        Assert.That(((JsonArray)image["MediaTexts"]!).Select(p => (string?)p), Is.EqualTo(new[] { "Two learners sharing a laptop" }));
        Assert.That(((double?)image["Anchors"]![0]!["X"], (double?)image["Anchors"]![0]!["Y"]), Is.EqualTo(((double?)0.25, (double?)0.75)));

        // Published, partners see the image at two widths over GraphQL, the crop keeping the focal point, and both come back.
        await using (var scope = Site.Services.CreateAsyncScope())
        {
            var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
            await manager.PublishAsync((await manager.GetAsync(post, VersionOptions.Latest))!);
        }
        using var http = new HttpClient { BaseAddress = Site.Address };
        using var answer = await http.PostAsJsonAsync("/api/graphql", new
        {
            query = """{ blogPost(where: { displayText: "Learning in the open" }) { image { small: urls(width: 240, mode: "crop", height: 240) large: urls(width: 480) mediatexts } } }""",
        });
        var graph = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;
        var served = graph["data"]?["blogPost"]?[0]?["image"] ?? throw new AssertionException(graph.ToJsonString());
        var small = (string)served["small"]![0]!;
        var large = (string)served["large"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(small, Does.StartWith("/media/photos/learners-photo.png?").And.Contain("width=240").And.Contain("rxy=0.25,0.75"));
            Assert.That(large, Does.StartWith("/media/photos/learners-photo.png?").And.Contain("width=480"));
            Assert.That((string?)served["mediatexts"]![0], Is.EqualTo("Two learners sharing a laptop"));
        });
        foreach (var url in new[] { small, large })
        {
            using var file = await http.GetAsync(url);
            Assert.That(file.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), url);
            Assert.That(file.Content.Headers.ContentType?.MediaType, Does.StartWith("image/"), url);
        }

        // The image's page now says where it is used; its delete page warns with the same list.
        await Page.GotoAsync("/admin/media/file?path=photos%2Flearners-photo.png");
        await Assertions.Expect(Page.GetByTestId("used-by")).ToContainTextAsync("Learning in the open");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Delete this file" }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("used-by")).ToContainTextAsync("Learning in the open");
        await Axe.AssertNoViolationsAsync(Page);
        await Page.GotoAsync("/admin/media/folder?path=photos");
        await Axe.AssertNoViolationsAsync(Page);
    }
}
