// Why: several web nodes may share one media folder; what one node writes the other must read whole at once, and
// two nodes saving the same name at the same time must both keep their file.
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Media;
using OneDigital.Content.Media.Library;
using OneDigital.Content.Media.Storage;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Media;

public class SharedFolderStorageTests
{
    private readonly string _shared = Path.Combine(Path.GetTempPath(), "onedigital-tests", "shared-media-" + Guid.NewGuid().ToString("N"));
    private TestStore _nodeA = null!;
    private TestStore _nodeB = null!;

    [SetUp]
    public async Task SetUpAsync()
    {
        var settings = new Dictionary<string, string?> { ["OneDigital:Media:Storage"] = "SharedFolder", ["OneDigital:Media:SharedPath"] = _shared };
        _nodeA = await TestStore.CreateAsync(settings);
        _nodeB = await TestStore.CreateAsync(settings);
    }

    [TearDown]
    public async Task TearDownAsync()
    {
        await _nodeA.DisposeAsync();
        await _nodeB.DisposeAsync();
        Directory.Delete(_shared, recursive: true);
    }

    [Test]
    public async Task A_file_one_node_uploads_is_read_and_listed_by_the_other()
    {
        await using var a = _nodeA.Scope();
        await using var b = _nodeB.Scope();
        var path = await a.ServiceProvider.GetRequiredService<MediaStore>().SaveAsync("shared", "photo.jpg", new MemoryStream(MediaSamples.Jpeg(10, 5)));

        var files = b.ServiceProvider.GetRequiredService<IMediaFileStore>();
        Assert.That(files, Is.TypeOf<FolderMediaFileStore>().With.Property(nameof(FolderMediaFileStore.Root)).EqualTo(_shared));
        await using (var read = await files.OpenReadAsync(path))
        {
            using var copy = new MemoryStream();
            await read.CopyToAsync(copy);
            Assert.That(copy.ToArray(), Is.EqualTo(MediaSamples.Jpeg(10, 5)));
        }
        var item = await b.ServiceProvider.GetRequiredService<MediaLibrary>().GetAsync(path);
        Assert.That((item!.Asset!.Width, item.Asset.Height), Is.EqualTo(((int?)10, (int?)5)));
        Assert.That(Directory.Exists(Path.Combine(_nodeA.Services.GetRequiredService<OneDigital.Content.Store.StoreOptions>().DataDir, "Media")), Is.False);
    }

    [Test]
    public async Task Two_nodes_saving_the_same_name_at_once_both_keep_their_file()
    {
        async Task<string> Save(TestStore node, int n)
        {
            await using var scope = node.Scope();
            return await scope.ServiceProvider.GetRequiredService<MediaStore>().SaveAsync("race", "report.pdf", new MemoryStream(MediaSamples.Pdf()));
        }

        var saved = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => Save(i % 2 == 0 ? _nodeA : _nodeB, i))));

        Assert.That(saved.Distinct().Count(), Is.EqualTo(6));
        Assert.That(Directory.EnumerateFiles(Path.Combine(_shared, "race")).Count(), Is.EqualTo(6));
        Assert.That(Directory.EnumerateFiles(Path.Combine(_shared, ".staging")), Is.Empty);
    }
}
