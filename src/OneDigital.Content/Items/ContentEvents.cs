namespace OneDigital.Content.Items;

/// <summary>
/// Told of content changes after they are written, inside the same transaction: a handler that writes to the store
/// (an indexing task, an audit row) commits or rolls back with the change itself.
/// </summary>
public interface IContentEventHandler
{
    Task CreatedAsync(ContentItem item) => Task.CompletedTask;
    Task UpdatedAsync(ContentItem item) => Task.CompletedTask;
    Task PublishedAsync(ContentItem item) => Task.CompletedTask;
    Task UnpublishedAsync(ContentItem item) => Task.CompletedTask;
    Task RemovedAsync(ContentItem item) => Task.CompletedTask;
    /// <summary>Raised before the events the discard causes (Updated, or Removed for an item never published).</summary>
    Task DraftDiscardedAsync(ContentItem draft) => Task.CompletedTask;
    /// <summary>Raised after the clone's Created.</summary>
    Task ClonedAsync(ContentItem source, ContentItem clone) => Task.CompletedTask;
    /// <summary>A list's items were put in a new order (their positions changed in place, no new versions); <paramref name="moved"/> are those whose position changed, latest versions.</summary>
    Task ContainedReorderedAsync(ContentItem list, IReadOnlyList<ContentItem> moved) => Task.CompletedTask;
}

/// <summary>
/// A part's built-in behaviour, run before a version is written: derive values (DisplayText, a route) and
/// report what is invalid.
/// </summary>
public interface IContentPartHandler
{
    Task SavingAsync(ContentSaveContext context);
}
