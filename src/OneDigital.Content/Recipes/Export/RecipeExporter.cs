using System.Data;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneDigital.Content.Recipes.Stored;
using OneDigital.Content.Store;

namespace OneDigital.Content.Recipes.Export;

/// <summary>
/// Writes the store as an Orchard recipe (an Orchard export is a recipe too), so it imports into a fresh store or
/// back into this one: items keep their ids and version ids, so a re-import updates them instead of adding copies.
/// </summary>
public sealed class RecipeExporter(ContentDbContext db, IEnumerable<IRecipeExportSource> sources, StoredRecipeSteps storedSteps)
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The kinds of thing an export may hold (each source's <see cref="IRecipeExportSource.Kind"/>, and the stored steps), in export order.</summary>
    public IReadOnlyList<string> Kinds => [.. sources.Select(s => s.Kind), RecipeExportSelection.StoredSteps];

    public Task WriteAsync(Stream output, CancellationToken ct = default) => WriteAsync(output, RecipeExportSelection.Everything, ct);

    /// <summary>Writes the selected parts of the store (kinds, and the content types whose items are written).</summary>
    public async Task WriteAsync(Stream output, RecipeExportSelection selection, CancellationToken ct = default)
    {
        // One transaction so that the definitions and the items come from the same moment, even beside a running site.
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        await using var writer = new Utf8JsonWriter(output, WriterOptions);
        writer.WriteStartObject();
        // Orchard's export header: the same keys, left empty.
        writer.WriteString("name", "");
        writer.WriteString("displayName", "");
        writer.WriteString("description", "");
        writer.WriteString("author", "");
        writer.WriteString("website", "");
        writer.WriteString("version", "");
        writer.WriteBoolean("issetuprecipe", false);
        writer.WriteStartArray("categories");
        writer.WriteEndArray();
        writer.WriteStartArray("tags");
        writer.WriteEndArray();
        writer.WriteStartArray("steps");
        foreach (var source in sources.Where(s => selection.Includes(s.Kind)))
        {
            if (source is ContentItemsExportSource items) await items.WriteStepsAsync(writer, selection.ContentTypes, ct);
            else await source.WriteStepsAsync(writer, ct);
        }
        // Last, as they came: steps this CMS stores without applying, so Orchard gets them back unchanged.
        if (selection.Includes(RecipeExportSelection.StoredSteps))
        {
            foreach (var step in await storedSteps.ListAsync(ct))
            {
                step.WriteTo(writer, ContentJson.Compact);
            }
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
