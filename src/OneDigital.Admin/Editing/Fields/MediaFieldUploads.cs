// Why: a file chosen in a media field's file input becomes a library file only when the item is saved, in the
// save's transaction, so a refused file or a refused item leaves neither the file nor a path to nothing. Reading
// the post is synchronous and cannot write; it notes the uploads here, and the save makes them.
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OneDigital.Content.Items;
using OneDigital.Content.Media;

namespace OneDigital.Admin.Editing.Fields;

public sealed class MediaFieldUploads(MediaStore uploads)
{
    private readonly List<Pending> _pending = [];
    private readonly List<string> _saved = [];

    private sealed record Pending(string Part, string Field, IFormFile File, JsonArray Paths, JsonArray Texts, JsonArray Anchors);

    /// <summary>Notes a file to upload into the field when the item is saved; its path is appended to <paramref name="paths"/> then.</summary>
    internal void Add(string part, string field, IFormFile file, JsonArray paths, JsonArray texts, JsonArray anchors) =>
        _pending.Add(new Pending(part, field, file, paths, texts, anchors));

    /// <summary>Forgets the uploads of an earlier read of the post.</summary>
    public void Clear() => _pending.Clear();

    /// <summary>
    /// Uploads the noted files into <c>mediafields/{type}/{id}</c> and appends their paths to their fields. Call it in
    /// the item's save transaction; a refused file is the field's validation error.
    /// </summary>
    public async Task SaveAsync(ContentItem item, CancellationToken ct)
    {
        var folder = $"mediafields/{item.ContentType}/{item.ContentItemId}";
        foreach (var pending in _pending)
        {
            string path;
            try
            {
                await using var stream = pending.File.OpenReadStream();
                path = await uploads.SaveAsync(folder, pending.File.FileName, stream, ct);
            }
            catch (MediaException e)
            {
                throw new ContentValidationException(item.ContentType, [new ContentValidationError(pending.Part, pending.Field, $"{pending.File.FileName}: {e.Message}")]);
            }
            _saved.Add(path);
            pending.Paths.Add(path);
            pending.Texts.Add("");
            pending.Anchors.Add(new JsonObject { ["X"] = 0.5, ["Y"] = 0.5 });
        }
        _pending.Clear();
    }

    /// <summary>Deletes the files this request uploaded (their rows went with the rolled-back transaction).</summary>
    public void DeleteSaved()
    {
        foreach (var path in _saved) uploads.Delete(path);
        _saved.Clear();
    }
}
