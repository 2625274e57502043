using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneDigital.Content.Items;
using OneDigital.Content.Store;

namespace OneDigital.Content.Recipes.Export;

/// <summary>
/// The <c>content</c> step: every latest and every published version, oldest first, so a list is written before
/// the items it contains and a published version before the draft that follows it.
/// </summary>
public sealed class ContentItemsExportSource(ContentItemStore store) : IRecipeExportSource
{
    private const int FlushEvery = 500;

    public async Task WriteStepsAsync(Utf8JsonWriter writer, CancellationToken ct)
    {
        writer.WriteStartObject();
        writer.WriteString("name", "content");
        writer.WriteStartArray("Data");
        var written = 0;
        var versions = store.Records.Where(r => r.Latest || r.Published).OrderBy(r => r.Id).AsAsyncEnumerable();
        await foreach (var record in versions.WithCancellation(ct))
        {
            ContentItemStore.ToItem(record).Data.WriteTo(writer, ContentJson.Compact);
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
