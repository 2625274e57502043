// Why: a file and its row change together; replace keeps the URL every item links to, moves carry rows along, and
// files that came by a recipe still show. "Where it is used" must find fields and body links before a delete.
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Definitions;
using OneDigital.Content.Items;
using OneDigital.Content.Media;
using OneDigital.Content.Media.Library;
using OneDigital.Content.Store;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Media;

[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public class MediaLibraryTests(TestDatabase database)
{
    private TestStore _store = null!;
    private AsyncServiceScope _scope;

    private MediaLibrary Library => _scope.ServiceProvider.GetRequiredService<MediaLibrary>();
    private MediaStore Uploads => _scope.ServiceProvider.GetRequiredService<MediaStore>();
    private string Root => MediaFolder.Root(_scope.ServiceProvider.GetRequiredService<StoreOptions>());
    private DbSet<MediaAsset> Rows => _scope.ServiceProvider.GetRequiredService<ContentDbContext>().Set<MediaAsset>();

    [SetUp]
    public async Task SetUpAsync()
    {
        _store = await TestStore.CreateAsync(database);
        _scope = _store.Scope();
    }

    [TearDown]
    public async Task TearDownAsync()
    {
        await _scope.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Test]
    public async Task A_file_that_came_without_a_row_is_listed_and_gets_its_row_when_opened()
    {
        Directory.CreateDirectory(Path.Combine(Root, "legacy"));
        await File.WriteAllBytesAsync(Path.Combine(Root, "legacy", "old.png"), MediaSamples.Png(8, 6));

        var listing = await Library.ListAsync("legacy");
        Assert.That(listing.Files.Select(f => (f.Path, f.Asset)), Is.EqualTo(new[] { ("legacy/old.png", (MediaAsset?)null) }));

        var item = await Library.GetAsync("legacy/old.png");
        Assert.That((item!.Asset!.Width, item.Asset.Height, item.Asset.UploadedBy), Is.EqualTo(((int?)8, (int?)6, (string?)null)));
        Assert.That(await Rows.CountAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task Replacing_a_file_keeps_its_path_and_updates_its_row()
    {
        var path = await Uploads.SaveAsync("images", "hero.png", new MemoryStream(MediaSamples.Png(4, 3)));

        var replaced = await Library.ReplaceAsync(path, "new-hero.png", new MemoryStream(MediaSamples.Png(20, 10)));

        Assert.That((replaced.Path, replaced.Width, replaced.ReplacedUtc.HasValue), Is.EqualTo((path, (int?)20, true)));
        Assert.That(await File.ReadAllBytesAsync(Path.Combine(Root, "images", "hero.png")), Is.EqualTo(MediaSamples.Png(20, 10)));
        var wrongKind = Assert.ThrowsAsync<MediaException>(() => Library.ReplaceAsync(path, "x.pdf", new MemoryStream(MediaSamples.Pdf())));
        Assert.That(wrongKind!.Message, Does.Contain("must be a PNG file"));
    }

    [Test]
    public async Task Moving_files_and_folders_carries_their_rows_and_a_taken_name_moves_nothing()
    {
        var a = await Uploads.SaveAsync("one", "a.pdf", new MemoryStream(MediaSamples.Pdf()));
        await Uploads.SaveAsync("two", "b.pdf", new MemoryStream(MediaSamples.Pdf()));

        var renamed = await Library.MoveAsync(a, "two", "c.pdf");
        Assert.That(renamed, Is.EqualTo("two/c.pdf"));
        var taken = Assert.ThrowsAsync<MediaException>(() => Library.MoveAsync("two/c.pdf", null, "b.pdf"));
        Assert.That(taken!.Message, Does.Contain("already in that folder"));

        await Library.CreateFolderAsync("", "Archive 2026");
        var moved = await Library.MoveFolderAsync("two", "archive-2026", null);

        Assert.That(moved, Is.EqualTo("archive-2026/two"));
        Assert.That(await Rows.Select(r => r.Path).OrderBy(p => p).ToListAsync(), Is.EqualTo(new[] { "archive-2026/two/b.pdf", "archive-2026/two/c.pdf" }));
        Assert.That(File.Exists(Path.Combine(Root, "archive-2026", "two", "c.pdf")), Is.True);
        var notEmpty = Assert.ThrowsAsync<MediaException>(() => Library.DeleteFolderAsync("archive-2026"));
        Assert.That(notEmpty!.Message, Does.Contain("Only an empty folder"));
        await Library.DeleteFolderAsync("one");
        Assert.That(Directory.Exists(Path.Combine(Root, "one")), Is.False);
    }

    [Test]
    public async Task Deleting_a_file_removes_its_row_and_the_file()
    {
        var path = await Uploads.SaveAsync("docs", "a.pdf", new MemoryStream(MediaSamples.Pdf()));

        await Library.DeleteAsync(path);

        Assert.That((File.Exists(Path.Combine(Root, "docs", "a.pdf")), await Rows.CountAsync()), Is.EqualTo((false, 0)));
    }

    [Test]
    public async Task Where_used_finds_media_fields_and_body_links_to_the_file()
    {
        var definitions = _scope.ServiceProvider.GetRequiredService<ContentDefinitionStore>();
        await definitions.AlterTypeAsync("Report", t =>
        {
            t.Parts.Add(new ContentTypePartDefinition { PartName = "TitlePart", Name = "TitlePart" });
            t.Parts.Add(new ContentTypePartDefinition { PartName = "Report", Name = "Report" });
            t.Parts.Add(new ContentTypePartDefinition { PartName = "HtmlBodyPart", Name = "HtmlBodyPart" });
        });
        await definitions.AlterPartAsync("Report", p => p.Fields.Add(new ContentPartFieldDefinition { FieldName = "MediaField", Name = "Download" }));
        var manager = _scope.ServiceProvider.GetRequiredService<ContentManager>();
        async Task<string> Create(string title, Action<ContentItem> fill)
        {
            var item = await manager.NewAsync("Report");
            item.DisplayText = title;
            item.GetOrCreatePart("TitlePart")["Title"] = title;
            fill(item);
            await manager.CreateAsync(item, publish: true);
            return item.ContentItemId;
        }
        var byField = await Create("By field", i => i.GetOrCreatePart("Report")["Download"] = new JsonObject { ["Paths"] = new JsonArray("reports/r.pdf") });
        var byLink = await Create("By link", i => i.GetOrCreatePart("HtmlBodyPart")["Html"] = "<p><a href=\"/media/reports/r.pdf\">PDF</a></p>");
        await Create("Other", i => i.GetOrCreatePart("HtmlBodyPart")["Html"] = "<a href=\"/media/reports/r2.pdf\">PDF</a><a href=\"/media/reports/rXpdf\">x</a>");

        var uses = await Library.WhereUsedAsync("reports/r.pdf");

        Assert.That(uses.Select(u => u.ContentItemId), Is.EquivalentTo(new[] { byField, byLink }));
    }
}
