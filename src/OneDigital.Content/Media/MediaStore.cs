// Why: every file that enters the media library (the admin, the Contents API, the public share-learning form) passes
// the same checks and is written whole or not at all, with its row in the same transaction, so a refused or
// interrupted upload leaves nothing behind.
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneDigital.Content.Audit;
using OneDigital.Content.Media.Library;
using OneDigital.Content.Media.Storage;
using OneDigital.Content.Media.Uploads;
using OneDigital.Content.Settings;
using OneDigital.Content.Store;

namespace OneDigital.Content.Media;

public sealed class MediaStore(
    IMediaFileStore files, UploadCheck check, IOptions<MediaOptions> options, ContentDbContext db, StoreTransaction transaction,
    ContentActor actor, TimeProvider clock, StoredSiteSettings stored)
{
    /// <summary>The allow-list, as shown to people: "JPG, PNG, PDF".</summary>
    public string AllowedTypesText => check.AllowedTypesText;

    public long MaxFileSize => StoredSiteSettings.Media(options.Value, stored.Current).MaxFileSize;

    /// <summary>Why a file with this name and declared length would be refused, or null (the bytes are checked on save).</summary>
    public string? Check(string? fileName, long length) => check.QuickCheck(fileName, length);

    /// <inheritdoc cref="UploadCheck.SizeText"/>
    public static string SizeText(long bytes) => UploadCheck.SizeText(bytes);

    /// <summary>Saves an upload and returns its library path (see <see cref="UploadAsync"/>).</summary>
    public async Task<string> SaveAsync(string folder, string fileName, Stream content, CancellationToken ct = default) =>
        (await UploadAsync(folder, fileName, content, ct)).Path;

    /// <summary>
    /// Writes <paramref name="content"/> as <c>{folder}/{the library form of fileName}</c> and records it, uploaded by
    /// this scope's <see cref="ContentActor"/>. An existing file of that name is never replaced: a number is added.
    /// The bytes are streamed to a staging file, checked there, then renamed into the folder in the row's transaction.
    /// When that transaction is the caller's and it rolls back later, the caller deletes the file (<see cref="Delete"/>).
    /// </summary>
    /// <exception cref="MediaException">The name, kind, size or content is refused; nothing is written.</exception>
    public async Task<MediaAsset> UploadAsync(string folder, string fileName, Stream content, CancellationToken ct = default)
    {
        // The limits an administrator stored, as they are now on any node.
        await stored.GetAsync(ct);
        var name = check.LibraryName(fileName);
        var target = MediaPaths.Folder(folder);
        await using var staged = await StageAsync(content, check.LimitFor(name), ct);
        var facts = await check.CheckContentAsync(name, staged, ct);
        string? placed = null;
        try
        {
            return await transaction.RunAsync(async () =>
            {
                placed = await files.PlaceAsync(staged, target, name, ct);
                var asset = new MediaAsset
                {
                    Path = placed,
                    Length = staged.Length,
                    ContentType = facts.ContentType,
                    Width = facts.Width,
                    Height = facts.Height,
                    UploadedBy = actor.IsSystem ? null : actor.UserId ?? actor.UserName,
                    UploadedByName = actor.IsSystem ? null : actor.UserName,
                    UploadedUtc = clock.GetUtcNow().UtcDateTime,
                };
                // A row left by a file removed outside the library gives way to the new file.
                await db.Set<MediaAsset>().Where(a => a.Path == placed).ExecuteDeleteAsync(ct);
                db.Add(asset);
                await db.SaveChangesAsync(ct);
                db.Entry(asset).State = EntityState.Detached;
                return asset;
            }, ct);
        }
        catch
        {
            if (placed is not null) await files.DeleteFileAsync(placed, CancellationToken.None);
            throw;
        }
    }

    /// <summary>Streams an upload to a staging file; over the limit is a <see cref="MediaException"/> (413).</summary>
    internal async Task<MediaStagedFile> StageAsync(Stream content, long limit, CancellationToken ct)
    {
        try
        {
            return await files.StageAsync(content, limit, ct);
        }
        catch (MediaTooLargeException e)
        {
            throw new MediaException(UploadCheck.TooLarge(e.Limit), MediaException.TooLarge);
        }
    }

    /// <summary>Deletes a file saved by <see cref="SaveAsync"/> when what was to link it was not saved (its row went with the rollback).</summary>
    public void Delete(string libraryPath) => files.DeleteFileAsync(libraryPath).GetAwaiter().GetResult();
}
