using System.Text.Json;
using OneDigital.Content.Items;
using OneDigital.Content.Querying;
using OneDigital.Content.Store;

namespace OneDigital.Content.Recipes.Export;

/// <summary>
/// The <c>content</c> step: every latest and every published version, oldest first, so a list is written before
/// the items it contains and a published version before the draft that follows it.
/// </summary>
public sealed class ContentItemsExportSource(ContentQuery query) : IRecipeExportSource
{
    private const int FlushEvery = 500;

    public string Kind => RecipeExportSelection.Content;

    public Task WriteStepsAsync(Utf8JsonWriter writer, CancellationToken ct) => WriteStepsAsync(writer, null, ct);

    /// <summary>The items of the given content types only (all when null).</summary>
    public async Task WriteStepsAsync(Utf8JsonWriter writer, IReadOnlySet<string>? contentTypes, CancellationToken ct)
    {
        writer.WriteStartObject();
        writer.WriteString("name", "content");
        writer.WriteStartArray("Data");
        var written = 0;
        await foreach (var item in query.StreamCurrentVersionsAsync(ct))
        {
            if (contentTypes is not null && !contentTypes.Contains(item.ContentType)) continue;
            item.Data.WriteTo(writer, ContentJson.Compact);
            if (++written % FlushEvery == 0)
            {
                // Keeps memory flat on large stores: the writer buffers until flushed.
                await writer.FlushAsync(ct);
            }
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
