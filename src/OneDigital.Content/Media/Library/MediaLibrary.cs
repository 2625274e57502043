// Why: the admin's library and the APIs browse, describe, replace, move and delete files; each change touches the
// file and its row, so both happen here, in one transaction, with the file work last and undone if the row's fails.
// Files that arrived by the media recipe step, or before the library kept rows, are listed from the folder and get
// their row the first time one is needed (details, alt text, a move), so nothing has to be imported first.
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.StaticFiles;
using OneDigital.Content.Items;
using OneDigital.Content.Media.Storage;
using OneDigital.Content.Media.Uploads;
using OneDigital.Content.Querying;
using OneDigital.Content.Store;
using SixLabors.ImageSharp;

namespace OneDigital.Content.Media.Library;

/// <summary>A file as the library shows it: the file's facts and its row's, when it has one.</summary>
public sealed record MediaItem(MediaFileInfo File, MediaAsset? Asset)
{
    public string Path => File.Path;
    public string Name => File.Name;
    public bool IsImage => Asset?.Width is not null || MediaLibrary.IsImageName(File.Name);
}

/// <summary>A folder's page of the library.</summary>
public sealed record MediaFolderView(string Folder, IReadOnlyList<string> Folders, IReadOnlyList<MediaItem> Files);

public sealed class MediaLibrary(
    IMediaFileStore files, MediaStore uploads, UploadCheck check, ContentDbContext db, StoreTransaction transaction, ContentQuery query,
    TimeProvider clock)
{
    /// <summary>How many files a name search looks at before it stops (a library far larger wants an index).</summary>
    public const int SearchScanLimit = 20_000;

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private DbSet<MediaAsset> Assets => db.Set<MediaAsset>();

    public static bool IsImageName(string name) => Path.GetExtension(name).ToLowerInvariant() is ".jpg" or ".jpeg" or ".png" or ".gif" or ".webp";

    /// <exception cref="MediaException">The folder does not exist (404).</exception>
    public async Task<MediaFolderView> ListAsync(string? folder, CancellationToken ct = default)
    {
        var path = MediaPaths.Folder(folder);
        if (!await files.FolderExistsAsync(path, ct)) throw new MediaException($"There is no folder '{path}' in the media library", 404);
        var listing = await files.ListAsync(path, ct);
        return new MediaFolderView(path, listing.Folders, await WithRowsAsync(listing.Files, ct));
    }

    /// <summary>Files under <paramref name="folder"/> whose name contains <paramref name="term"/> (ignoring case), at most <paramref name="take"/>, limited to <paramref name="extensions"/> when given.</summary>
    public async Task<IReadOnlyList<MediaItem>> SearchAsync(string? folder, string? term, int take, IReadOnlyCollection<string>? extensions = null, CancellationToken ct = default)
    {
        var found = new List<MediaFileInfo>();
        var scanned = 0;
        await foreach (var file in files.ListFilesUnderAsync(MediaPaths.Folder(folder), ct))
        {
            if (++scanned > SearchScanLimit || found.Count >= take) break;
            if (extensions is { Count: > 0 } && !extensions.Contains(Path.GetExtension(file.Name), StringComparer.OrdinalIgnoreCase)) continue;
            if (string.IsNullOrWhiteSpace(term) || file.Name.Contains(term.Trim(), StringComparison.OrdinalIgnoreCase)) found.Add(file);
        }
        return await WithRowsAsync(found, ct);
    }

    /// <summary>The file and its row (made now for a file that has none), or null when there is no such file.</summary>
    public async Task<MediaItem?> GetAsync(string? path, CancellationToken ct = default)
    {
        var file = await files.GetFileAsync(MediaPaths.File(path), ct);
        if (file is null) return null;
        return new MediaItem(file, await RowAsync(file, ct));
    }

    /// <summary>Items whose latest version uses the file (a media field or a body link), at most <paramref name="take"/>.</summary>
    public Task<IReadOnlyList<ContentItem>> WhereUsedAsync(string path, int take = 50, CancellationToken ct = default) =>
        query.FindMediaUsesAsync(MediaPaths.File(path), take, ct);

    /// <summary>Sets the file's default alternative text, or marks it decorative (no text).</summary>
    public async Task SetTextAsync(string path, string? altText, bool decorative, CancellationToken ct = default)
    {
        var item = await GetAsync(path, ct) ?? throw NotFound(path);
        var text = string.IsNullOrWhiteSpace(altText) ? null : altText.Trim();
        if (text is { Length: > 1000 }) throw new MediaException("The alternative text must be 1000 characters or fewer");
        await Assets.Where(a => a.Path == item.Path)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.AltText, decorative ? null : text).SetProperty(a => a.Decorative, decorative), ct);
    }

    /// <summary>Replaces the file's bytes, keeping its path (so every link and field stays good). The new file must have the same extension.</summary>
    public async Task<MediaAsset> ReplaceAsync(string path, string fileName, Stream content, CancellationToken ct = default)
    {
        var item = await GetAsync(path, ct) ?? throw NotFound(path);
        var name = check.LibraryName(fileName);
        var extension = Path.GetExtension(item.Name);
        if (!string.Equals(Path.GetExtension(name), extension, StringComparison.OrdinalIgnoreCase))
        {
            throw new MediaException($"The replacement must be a {extension.TrimStart('.').ToUpperInvariant()} file, like the file it replaces", MediaException.UnsupportedType);
        }
        await using var staged = await uploads.StageAsync(content, check.LimitFor(name), ct);
        var facts = await check.CheckContentAsync(item.Name, staged, ct);
        return await transaction.RunAsync(async () =>
        {
            var asset = await Assets.SingleAsync(a => a.Path == item.Path, ct);
            asset.Length = staged.Length;
            asset.ContentType = facts.ContentType;
            asset.Width = facts.Width;
            asset.Height = facts.Height;
            asset.ReplacedUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
            // The rename is atomic and the last step: if it fails the row's change rolls back with it.
            await files.ReplaceAsync(staged, item.Path, ct);
            db.Entry(asset).State = EntityState.Detached;
            return asset;
        }, ct);
    }

    /// <summary>Moves or renames a file (same extension); its row follows. Returns the new path.</summary>
    public async Task<string> MoveAsync(string path, string? toFolder, string? newName, CancellationToken ct = default)
    {
        var item = await GetAsync(path, ct) ?? throw NotFound(path);
        var folder = MediaPaths.Folder(toFolder ?? MediaPaths.Parent(item.Path));
        var name = string.IsNullOrWhiteSpace(newName) ? item.Name : check.LibraryName(newName);
        if (!string.Equals(Path.GetExtension(name), Path.GetExtension(item.Name), StringComparison.OrdinalIgnoreCase))
        {
            throw new MediaException($"The new name must keep the {Path.GetExtension(item.Name)} extension");
        }
        var target = MediaPaths.Combine(folder, name);
        if (target == item.Path) return target;
        if (!await files.FolderExistsAsync(folder, ct)) throw new MediaException($"There is no folder '{folder}' in the media library");
        var moved = false;
        try
        {
            await transaction.RunAsync(async () =>
            {
                await Assets.Where(a => a.Path == target).ExecuteDeleteAsync(ct);
                await Assets.Where(a => a.Path == item.Path).ExecuteUpdateAsync(s => s.SetProperty(a => a.Path, target), ct);
                moved = await files.MoveFileAsync(item.Path, target, ct);
                if (!moved) throw new MediaException($"A file named {name} is already in that folder", IClientErrorConflict);
            }, ct);
        }
        catch when (moved)
        {
            await files.MoveFileAsync(target, item.Path, CancellationToken.None);
            throw;
        }
        return target;
    }

    /// <summary>Deletes the file and its row: the row in the transaction, the file once it commits (a failure in between leaves only a file, which the library still lists).</summary>
    public async Task DeleteAsync(string path, CancellationToken ct = default)
    {
        var file = MediaPaths.File(path);
        if (await files.GetFileAsync(file, ct) is null) throw NotFound(file);
        await transaction.RunAsync(async () =>
        {
            await Assets.Where(a => a.Path == file).ExecuteDeleteAsync(ct);
            transaction.AfterCommit(() => files.DeleteFileAsync(file).GetAwaiter().GetResult());
        }, ct);
    }

    /// <summary>Creates <paramref name="name"/> (in the library's form) inside <paramref name="parent"/>; returns its path.</summary>
    public async Task<string> CreateFolderAsync(string? parent, string? name, CancellationToken ct = default)
    {
        var folder = MediaPaths.Folder(parent);
        if (!await files.FolderExistsAsync(folder, ct)) throw new MediaException($"There is no folder '{folder}' in the media library", 404);
        var path = MediaPaths.Combine(folder, MediaPaths.FolderName(name));
        if (await files.FolderExistsAsync(path, ct) || await files.GetFileAsync(path, ct) is not null)
        {
            throw new MediaException($"There is already a folder named {MediaPaths.Name(path)} here", IClientErrorConflict);
        }
        await files.CreateFolderAsync(path, ct);
        return path;
    }

    /// <summary>Renames or moves a folder with its files; their rows follow in one transaction. Returns the new path.</summary>
    public async Task<string> MoveFolderAsync(string? path, string? toParent, string? newName, CancellationToken ct = default)
    {
        var from = MediaPaths.File(path);
        if (!await files.FolderExistsAsync(from, ct)) throw new MediaException($"There is no folder '{from}' in the media library", 404);
        var parent = MediaPaths.Folder(toParent ?? MediaPaths.Parent(from));
        var to = MediaPaths.Combine(parent, string.IsNullOrWhiteSpace(newName) ? MediaPaths.Name(from) : MediaPaths.FolderName(newName));
        if (to == from) return to;
        if ((to + "/").StartsWith(from + "/", StringComparison.Ordinal)) throw new MediaException("A folder cannot be moved into itself");
        if (!await files.FolderExistsAsync(parent, ct)) throw new MediaException($"There is no folder '{parent}' in the media library");
        var moved = false;
        try
        {
            await transaction.RunAsync(async () =>
            {
                var prefix = from + "/";
                var rows = await Assets.Where(a => a.Path.StartsWith(prefix)).ToListAsync(ct);
                foreach (var row in rows) row.Path = to + row.Path[from.Length..];
                await db.SaveChangesAsync(ct);
                moved = await files.MoveFolderAsync(from, to, ct);
                if (!moved) throw new MediaException($"There is already a folder or file named {MediaPaths.Name(to)} there", IClientErrorConflict);
            }, ct);
        }
        catch when (moved)
        {
            await files.MoveFolderAsync(to, from, CancellationToken.None);
            throw;
        }
        return to;
    }

    /// <summary>Deletes an empty folder.</summary>
    /// <exception cref="MediaException">It holds files or folders.</exception>
    public async Task DeleteFolderAsync(string? path, CancellationToken ct = default)
    {
        var folder = MediaPaths.File(path);
        if (!await files.DeleteFolderAsync(folder, ct)) throw new MediaException("Only an empty folder can be deleted: move or delete what is in it first");
    }

    private const int IClientErrorConflict = Errors.IClientError.Conflict;

    private static MediaException NotFound(string path) => new($"There is no file '{path}' in the media library", 404);

    private async Task<IReadOnlyList<MediaItem>> WithRowsAsync(IReadOnlyList<MediaFileInfo> found, CancellationToken ct)
    {
        if (found.Count == 0) return [];
        var paths = found.Select(f => f.Path).ToList();
        var rows = await Assets.AsNoTracking().Where(a => paths.Contains(a.Path)).ToDictionaryAsync(a => a.Path, StringComparer.Ordinal, ct);
        return found.Select(f => new MediaItem(f, rows.GetValueOrDefault(f.Path))).ToList();
    }

    /// <summary>The file's row; one is made from the file (its type and an image's size from the header) when it has none.</summary>
    private async Task<MediaAsset> RowAsync(MediaFileInfo file, CancellationToken ct)
    {
        if (await Assets.AsNoTracking().SingleOrDefaultAsync(a => a.Path == file.Path, ct) is { } row) return row;
        int? width = null, height = null;
        if (IsImageName(file.Name))
        {
            try
            {
                await using var stream = await files.OpenReadAsync(file.Path, ct);
                if (await Image.IdentifyAsync(stream, ct) is { } info) (width, height) = (info.Width, info.Height);
            }
            catch (Exception e) when (e is ImageFormatException or InvalidDataException or NotSupportedException)
            {
            }
        }
        var asset = new MediaAsset
        {
            Path = file.Path,
            Length = file.Length,
            ContentType = ContentTypes.TryGetContentType(file.Name, out var type) ? type : "application/octet-stream",
            Width = width,
            Height = height,
            UploadedUtc = file.LastWriteUtc.UtcDateTime,
        };
        Assets.Add(asset);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request made it first.
            db.ChangeTracker.Clear();
            return await Assets.AsNoTracking().SingleAsync(a => a.Path == file.Path, ct);
        }
        db.Entry(asset).State = EntityState.Detached;
        return asset;
    }
}
