// Why: with several web nodes the library lives on a folder they share; /media must serve and resize what any node
// uploaded there, not look in this node's data folder.
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Media.Storage;
using OneDigital.Testing;
using SixLabors.ImageSharp;

namespace OneDigital.Web.Tests.Media;

public sealed class SharedFolderServingTests
{
    [Test]
    public async Task Media_uploaded_to_the_shared_folder_is_served_and_resized_from_it()
    {
        var shared = Path.Combine(Path.GetTempPath(), "onedigital-tests", "shared-media-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(shared);
        try
        {
            await using var store = TestSite.Create();
            await using var site = await store.StartAsync(TestSite.SetupRecipe("empty.recipe.json"),
                "--OneDigital:Media:Storage=SharedFolder", $"--OneDigital:Media:SharedPath={shared}");
            await site.SetupCompletion;
            var files = site.Services.GetRequiredService<IMediaFileStore>();
            await using (var staged = await files.StageAsync(new MemoryStream(MediaSamples.JpegWithRedSquare(800, 600, 100, 100, 50)), 10_000_000))
            {
                Assert.That(await files.PlaceAsync(staged, "photos", "shared.jpg"), Is.EqualTo("photos/shared.jpg"));
            }

            using var original = await site.Http.GetAsync("/media/photos/shared.jpg");
            using var resized = await site.Http.GetAsync("/media/photos/shared.jpg?width=240");

            Assert.Multiple(() =>
            {
                Assert.That(File.Exists(Path.Combine(shared, "photos", "shared.jpg")), "the file is in the shared folder");
                Assert.That(original.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(resized.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            });
            using var image = Image.Load(await resized.Content.ReadAsByteArrayAsync());
            Assert.That(image.Width, Is.EqualTo(240));
        }
        finally
        {
            Directory.Delete(shared, recursive: true);
        }
    }
}
