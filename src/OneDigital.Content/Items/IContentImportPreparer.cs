namespace OneDigital.Content.Items;

/// <summary>
/// A content event handler whose work per item is costly and depends only on the item's content (the writing checks):
/// an import hands it a chunk of items before writing them one at a time, so the work runs on every core at once.
/// What the handler records is still decided item by item, in the item's own write.
/// </summary>
public interface IContentImportPreparer
{
    Task PrepareImportAsync(IReadOnlyList<ContentItem> items, CancellationToken ct = default);
}
