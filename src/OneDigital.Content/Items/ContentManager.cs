using System.Text.Json.Nodes;
using OneDigital.Content.Definitions;
using OneDigital.Content.Parts.Lists;
using OneDigital.Content.Querying;
using OneDigital.Content.Store;

namespace OneDigital.Content.Items;

/// <summary>
/// Creates, reads and changes content items with Orchard's version semantics: at most one Latest and one Published
/// version per item, and a draft over a published item leaves the published one served until it is published.
/// Every operation is one transaction (or joins the caller's), and events run inside it.
/// </summary>
public sealed class ContentManager(
    ContentDbContext db,
    ContentQuery query,
    ContentDefinitionStore definitions,
    IEnumerable<IContentPartHandler> partHandlers,
    IEnumerable<IContentEventHandler> eventHandlers,
    StoreTransaction transaction,
    TimeProvider clock)
{
    // The write side of the store: one per manager, so its pending rows are this scope's alone.
    private readonly ContentItemStore store = new(db);

    public async Task<ContentItem> NewAsync(string contentType, CancellationToken ct = default)
    {
        var type = await RequireTypeAsync(contentType, ct);
        return ContentItem.New(type.Name, type.Parts.Select(p => p.Name));
    }

    /// <summary>Writes a new item, as a draft or published. Throws <see cref="ContentValidationException"/> when invalid.</summary>
    public Task CreateAsync(ContentItem item, bool publish, CancellationToken ct = default) =>
        transaction.RunAsync(async () =>
        {
            var now = Now();
            item.CreatedUtc ??= now;
            item.ModifiedUtc = now;
            item.Latest = true;
            item.Published = publish;
            if (publish) item.PublishedUtc = now;
            var defs = await definitions.GetAsync(ct);
            await PrepareAsync(item, defs, importing: false, ct);
            store.Insert(item, defs);
            await store.SaveAsync(ct);
            await RaiseAsync(h => h.CreatedAsync(item));
            if (publish) await RaiseAsync(h => h.PublishedAsync(item));
        }, ct);

    public async Task<ContentItem?> GetAsync(string contentItemId, VersionOptions options = VersionOptions.Published, CancellationToken ct = default)
    {
        var item = options == VersionOptions.Published
            ? await query.GetPublishedAsync(contentItemId, ct)
            : await query.GetLatestAsync(contentItemId, ct);
        if (item is null)
        {
            return null;
        }
        if (options != VersionOptions.DraftRequired || !item.Published)
        {
            return item;
        }
        var type = await definitions.GetTypeAsync(item.ContentType, ct);
        var settings = type?.TypeSettings;
        if (settings is null || !(settings.Draftable || settings.Versionable))
        {
            return item;
        }
        // A new draft over the published version; written by UpdateAsync or PublishAsync.
        item.ContentItemVersionId = IdGenerator.NewId();
        item.Published = false;
        item.Latest = true;
        return item;
    }

    /// <summary>Saves a version as it is: in place if it exists, else as the new latest version (a draft unless published).</summary>
    public Task UpdateAsync(ContentItem item, CancellationToken ct = default) =>
        transaction.RunAsync(async () =>
        {
            item.ModifiedUtc = Now();
            await WriteVersionAsync(item, importing: false, ct);
            await RaiseAsync(h => h.UpdatedAsync(item));
        }, ct);

    /// <summary>
    /// Saves an editor's changes as a new latest version, provided the item's latest version is still
    /// <paramref name="loadedVersionId"/> (the one the editor loaded) when the transaction runs; otherwise writes
    /// nothing and throws <see cref="ContentConflictException"/>. Every such save is a new version, so a version id
    /// names exactly what an editor saw and the history shows each save. The item keeps its Published flag as given
    /// (a draft from <see cref="VersionOptions.DraftRequired"/>; a type without drafts is saved published).
    /// </summary>
    public Task UpdateAsync(ContentItem item, string loadedVersionId, CancellationToken ct = default) =>
        transaction.RunAsync(async () =>
        {
            await ClaimLatestAsync(item.ContentItemId, loadedVersionId, release: true, ct);
            item.ContentItemVersionId = IdGenerator.NewId();
            item.Latest = true;
            item.ModifiedUtc = Now();
            await WriteVersionAsync(item, importing: false, ct);
            await RaiseAsync(h => h.UpdatedAsync(item));
        }, ct);

    /// <summary>Publishes an editor's version as a new version, provided the latest is still <paramref name="loadedVersionId"/> (see <see cref="UpdateAsync(ContentItem, string, CancellationToken)"/>).</summary>
    public Task PublishAsync(ContentItem item, string loadedVersionId, CancellationToken ct = default) =>
        transaction.RunAsync(async () =>
        {
            await ClaimLatestAsync(item.ContentItemId, loadedVersionId, release: true, ct);
            item.ContentItemVersionId = IdGenerator.NewId();
            await PublishAsync(item, ct);
        }, ct);

    /// <summary>Unpublishes, provided the latest version is still <paramref name="loadedVersionId"/>; else throws <see cref="ContentConflictException"/>.</summary>
    public Task UnpublishAsync(ContentItem item, string loadedVersionId, CancellationToken ct = default) =>
        transaction.RunAsync(async () =>
        {
            await ClaimLatestAsync(item.ContentItemId, loadedVersionId, release: false, ct);
            await UnpublishAsync(item, ct);
        }, ct);

    /// <summary>Discards the draft, provided the latest version is still <paramref name="loadedVersionId"/>; else throws <see cref="ContentConflictException"/>.</summary>
    public Task DiscardDraftAsync(ContentItem item, string loadedVersionId, CancellationToken ct = default) =>
        transaction.RunAsync(async () =>
        {
            await ClaimLatestAsync(item.ContentItemId, loadedVersionId, release: false, ct);
            await DiscardDraftAsync(item, ct);
        }, ct);

    /// <summary>
    /// Makes a new latest draft whose content is that of an earlier version; the published version (if any) stays
    /// served until the draft is published. The draft goes through the part handlers (validation, routes) as any save.
    /// With <paramref name="loadedVersionId"/> the restore is refused, as a save is, when the latest version moved on.
    /// The item's ownership and creation time are kept; <paramref name="author"/> (who restored it) is recorded.
    /// </summary>
    public Task<ContentItem> RestoreAsync(
        string contentItemId, string versionId, string? loadedVersionId = null, string? author = null, CancellationToken ct = default) =>
        transaction.RunAsync(async () =>
        {
            var source = await query.GetVersionAsync(versionId, ct);
            if (source is null || source.ContentItemId != contentItemId)
            {
                throw new ContentVersionNotFoundException(contentItemId, versionId);
            }
            var current = await query.GetLatestAsync(contentItemId, ct) ?? await query.GetPublishedAsync(contentItemId, ct);
            if (loadedVersionId is not null)
            {
                await ClaimLatestAsync(contentItemId, loadedVersionId, release: true, ct);
            }
            var draft = source.Clone();
            draft.ContentItemVersionId = IdGenerator.NewId();
            draft.Latest = true;
            draft.Published = false;
            draft.ModifiedUtc = Now();
            draft.CreatedUtc = current?.CreatedUtc ?? source.CreatedUtc;
            draft.PublishedUtc = current?.PublishedUtc ?? source.PublishedUtc;
            draft.Owner = current?.Owner ?? source.Owner;
            draft.Author = author ?? source.Author;
            await WriteVersionAsync(draft, importing: false, ct);
            await RaiseAsync(h => h.UpdatedAsync(draft));
            return draft;
        }, ct);

    /// <summary>Writes the version and makes it the published one; the previous published version is kept as history.</summary>
    public Task PublishAsync(ContentItem item, CancellationToken ct = default) =>
        transaction.RunAsync(async () =>
        {
            var now = Now();
            item.Latest = true;
            item.Published = true;
            item.PublishedUtc = now;
            item.ModifiedUtc = now;
            item.CreatedUtc ??= now;
            await WriteVersionAsync(item, importing: false, ct);
            await RaiseAsync(h => h.PublishedAsync(item));
        }, ct);

    public Task UnpublishAsync(ContentItem item, CancellationToken ct = default) =>
        transaction.RunAsync(async () =>
        {
            var versions = await store.VersionsAsync(item.ContentItemId, ct);
            var published = versions.Find(v => v.Published);
            if (published is null)
            {
                return;
            }
            await store.SetFlagsAsync(published, published.Latest, false, ct);
            await store.SaveAsync(ct);
            var unpublished = ContentItemStore.ToItem(published);
            item.Published = false;
            await RaiseAsync(h => h.UnpublishedAsync(unpublished));
        }, ct);

    /// <summary>Drops the draft: the published version becomes the latest again; an item never published is removed.</summary>
    public Task DiscardDraftAsync(ContentItem item, CancellationToken ct = default) =>
        transaction.RunAsync(async () =>
        {
            var versions = await store.VersionsAsync(item.ContentItemId, ct);
            var latest = versions.Find(v => v.Latest);
            if (latest is null || latest.Published)
            {
                return;
            }
            var draft = ContentItemStore.ToItem(latest);
            await RaiseAsync(h => h.DraftDiscardedAsync(draft));
            var published = versions.Find(v => v.Published);
            if (published is null)
            {
                await RemoveVersionsAsync(versions, ct);
                return;
            }
            await store.SetFlagsAsync(latest, false, false, ct);
            await store.SetFlagsAsync(published, true, true, ct);
            await store.SaveAsync(ct);
            await RaiseAsync(h => h.UpdatedAsync(ContentItemStore.ToItem(published)));
        }, ct);

    /// <summary>A new draft item with the same content; its route is made unique again.</summary>
    public async Task<ContentItem> CloneAsync(ContentItem item, CancellationToken ct = default)
    {
        var clone = item.Clone();
        clone.ContentItemId = IdGenerator.NewId();
        clone.ContentItemVersionId = IdGenerator.NewId();
        clone.CreatedUtc = null;
        clone.PublishedUtc = null;
        // Two items cannot share a route: the clone's is generated afresh from the type's pattern.
        clone.Part("AutoroutePart")?.Remove("Path");
        await transaction.RunAsync(async () =>
        {
            await CreateAsync(clone, publish: false, ct);
            await RaiseAsync(h => h.ClonedAsync(item, clone));
        }, ct);
        return clone;
    }

    /// <summary>Removes the item: no version stays latest or published. Rows are kept as history, as Orchard does.</summary>
    public Task RemoveAsync(ContentItem item, CancellationToken ct = default) =>
        transaction.RunAsync(async () => await RemoveVersionsAsync(await store.VersionsAsync(item.ContentItemId, ct), ct), ct);

    /// <summary>
    /// Puts a list's items in the given order, as Orchard's ListPart ordering does: each item's ContainedPart.Order
    /// becomes its position (0, 1, ...) in place on its latest and its published version. No new versions are made:
    /// the order is the list's, not an edit of the item, and an editor's open form of an item still saves.
    /// <paramref name="orderedChildIds"/> must name every item in the list exactly once; otherwise nothing is written
    /// and <see cref="ListOrderException"/> says why (a repeat is 400, a foreign item or one left out is 409).
    /// </summary>
    public Task ReorderContainedAsync(string listContentItemId, IReadOnlyList<string> orderedChildIds, CancellationToken ct = default) =>
        transaction.RunAsync(async () =>
        {
            var list = await query.GetLatestAsync(listContentItemId, ct) ?? throw ListOrderException.NoList(listContentItemId);
            var versions = await store.ContainedVersionsAsync(listContentItemId, ct);
            var inList = versions.Where(v => v.Latest).Select(v => v.ContentItemId).ToHashSet(StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var id in orderedChildIds)
            {
                if (!seen.Add(id)) throw ListOrderException.Repeated(id);
                if (!inList.Contains(id)) throw ListOrderException.NotInList(id);
            }
            if (seen.Count < inList.Count) throw ListOrderException.Missing(inList.Count - seen.Count);

            var defs = await definitions.GetAsync(ct);
            var moved = new List<ContentItem>();
            for (var position = 0; position < orderedChildIds.Count; position++)
            {
                var changed = false;
                foreach (var record in versions.Where(v => v.ContentItemId == orderedChildIds[position]))
                {
                    var item = ContentItemStore.ToItem(record);
                    // A published version still in another list (its draft moved here) keeps that list's order.
                    if (item.Part("ContainedPart") is not JsonObject part || JsonValues.NonEmptyString(part["ListContentItemId"]) != listContentItemId) continue;
                    if (JsonValues.Number(part["Order"]) == position) continue;
                    part["Order"] = position;
                    await store.UpdateAsync(record, item, defs, ct);
                    changed = true;
                }
                if (changed) moved.Add(ContentItemStore.ToItem(versions.First(v => v.ContentItemId == orderedChildIds[position] && v.Latest)));
            }
            await store.SaveAsync(ct);
            if (moved.Count > 0) await RaiseAsync(h => h.ContainedReorderedAsync(list, moved));
        }, ct);

    /// <summary>Checks an item against its type without writing it.</summary>
    public async Task<IReadOnlyList<ContentValidationError>> ValidateAsync(ContentItem item, CancellationToken ct = default)
    {
        var defs = await definitions.GetAsync(ct);
        var type = defs.Type(item.ContentType);
        if (type is null)
        {
            return [new("ContentType", null, $"The content type '{item.ContentType}' does not exist.")];
        }
        var context = new ContentSaveContext(item.Clone(), type, defs, this) { Publishing = item.Published };
        foreach (var handler in partHandlers)
        {
            await handler.SavingAsync(context);
        }
        return context.Errors;
    }

    /// <summary>
    /// Imports a version as Orchard does: a known version id is updated in place, otherwise a new version is added;
    /// the Latest and Published flags are taken from the data. Returns what happened.
    /// </summary>
    public Task<ImportOutcome> ImportAsync(ContentItem item, CancellationToken ct = default) => ImportAsync(item, null, ct);

    /// <summary>As <see cref="ImportAsync(ContentItem, CancellationToken)"/>; what the handlers changed on the way in (a path made unique) is added to <paramref name="warnings"/>.</summary>
    public Task<ImportOutcome> ImportAsync(ContentItem item, List<string>? warnings, CancellationToken ct = default) =>
        ImportAsync(item, warnings, knownNew: false, ct);

    /// <param name="knownNew">
    /// The caller has found (<see cref="StoredIdsAsync"/>, in this transaction) that the store holds neither the item's
    /// id nor its version id, so the item is created without looking either up again.
    /// </param>
    public Task<ImportOutcome> ImportAsync(ContentItem item, List<string>? warnings, bool knownNew, CancellationToken ct = default) =>
        transaction.RunAsync(async () =>
        {
            var now = Now();
            if (string.IsNullOrEmpty(item.ContentItemId)) item.ContentItemId = IdGenerator.NewId();
            if (string.IsNullOrEmpty(item.ContentItemVersionId)) item.ContentItemVersionId = IdGenerator.NewId();
            item.CreatedUtc ??= now;
            item.ModifiedUtc ??= now;
            if (item.Published) item.PublishedUtc ??= now;

            var versions = knownNew ? [] : await store.VersionsAsync(item.ContentItemId, ct);
            var current = versions.Find(v => v.Latest) ?? versions.Find(v => v.Published);
            if (current is not null && SameContent(ContentItemStore.ToItem(current), item)
                && current.Latest == item.Latest && current.Published == item.Published)
            {
                return ImportOutcome.Unchanged;
            }
            var existed = versions.Count > 0;
            await WriteVersionAsync(item, importing: true, ct, warnings, firstVersion: !existed, versionStored: !knownNew);
            await RaiseAsync(h => existed ? h.UpdatedAsync(item) : h.CreatedAsync(item));
            if (item.Published) await RaiseAsync(h => h.PublishedAsync(item));
            return existed ? ImportOutcome.Updated : ImportOutcome.Created;
        }, ct);

    /// <summary>Lets the event handlers that can (<see cref="IContentImportPreparer"/>) do their costly work for a chunk of an import's items at once.</summary>
    public async Task PrepareImportAsync(IReadOnlyList<ContentItem> items, CancellationToken ct = default)
    {
        foreach (var handler in eventHandlers.OfType<IContentImportPreparer>())
        {
            await handler.PrepareImportAsync(items, ct);
        }
    }

    /// <summary>Which of these item ids and version ids the store holds: one query each for a chunk of an import's items, rather than two per item.</summary>
    public async Task<(HashSet<string> ItemIds, HashSet<string> VersionIds)> StoredIdsAsync(
        IReadOnlyCollection<string> contentItemIds, IReadOnlyCollection<string> versionIds, CancellationToken ct = default) =>
        (await store.StoredItemIdsAsync(contentItemIds, ct), await store.StoredVersionIdsAsync(versionIds, ct));

    /// <param name="firstVersion">The item has no version yet, so no other version's flags need clearing.</param>
    /// <param name="versionStored">False when the caller knows the version id is not in the store (an import's new item).</param>
    private async Task WriteVersionAsync(ContentItem item, bool importing, CancellationToken ct, List<string>? warnings = null, bool firstVersion = false, bool versionStored = true)
    {
        var defs = await definitions.GetAsync(ct);
        await PrepareAsync(item, defs, importing, ct, warnings);
        var record = versionStored ? await store.FindVersionAsync(item.ContentItemVersionId, ct) : null;
        if (record is not null && record.ContentItemId != item.ContentItemId)
        {
            throw new InvalidOperationException($"Version '{item.ContentItemVersionId}' belongs to item '{record.ContentItemId}', not '{item.ContentItemId}'.");
        }
        if (record is null)
        {
            record = store.Insert(item, defs);
        }
        else
        {
            await store.UpdateAsync(record, item, defs, ct);
        }
        await store.SaveAsync(ct);
        if (firstVersion)
        {
            return;
        }
        await store.ClearFlagsAsync(item.ContentItemId, record.Id, latest: item.Latest, published: item.Published, ct);
        await store.SaveAsync(ct);
    }

    private async Task ClaimLatestAsync(string contentItemId, string loadedVersionId, bool release, CancellationToken ct)
    {
        if (await store.ClaimLatestAsync(contentItemId, loadedVersionId, release, ct))
        {
            return;
        }
        var current = await query.GetLatestAsync(contentItemId, ct);
        throw new ContentConflictException(
            contentItemId, loadedVersionId, current?.ContentItemVersionId, current?.Author ?? current?.Owner, current?.ModifiedUtc);
    }

    private async Task RemoveVersionsAsync(List<ContentItemRecord> versions, CancellationToken ct)
    {
        var current = versions.Find(v => v.Published) ?? versions.Find(v => v.Latest);
        if (current is null)
        {
            return;
        }
        // Read before the flags are cleared: handlers must hear that a published item stopped being published.
        var wasPublished = current.Published;
        foreach (var version in versions.Where(v => v.Latest || v.Published))
        {
            await store.SetFlagsAsync(version, false, false, ct);
        }
        await store.SaveAsync(ct);
        var removed = ContentItemStore.ToItem(current);
        if (wasPublished) await RaiseAsync(h => h.UnpublishedAsync(removed));
        await RaiseAsync(h => h.RemovedAsync(removed));
    }

    private async Task PrepareAsync(ContentItem item, ContentDefinitionDocument defs, bool importing, CancellationToken ct, List<string>? warnings = null)
    {
        var type = defs.Type(item.ContentType);
        if (type is null && importing)
        {
            // Orchard's content step keeps an item whose type no definition names: it is stored as its JSON, untouched
            // by part handlers, and stays out of GraphQL and the editor until a definition exists.
            return;
        }
        if (type is null)
        {
            throw new ContentDefinitionException($"The content type '{item.ContentType}' does not exist.");
        }
        item.ContentType = type.Name;
        var context = new ContentSaveContext(item, type, defs, this) { Importing = importing, Publishing = item.Published, Warnings = warnings ?? [] };
        foreach (var handler in partHandlers)
        {
            ct.ThrowIfCancellationRequested();
            await handler.SavingAsync(context);
        }
        if (context.Errors.Count > 0)
        {
            throw new ContentValidationException(type.Name, context.Errors);
        }
    }

    private async Task<ContentTypeDefinition> RequireTypeAsync(string contentType, CancellationToken ct) =>
        await definitions.GetTypeAsync(contentType, ct)
        ?? throw new ContentDefinitionException($"The content type '{contentType}' does not exist.");

    private async Task RaiseAsync(Func<IContentEventHandler, Task> raise)
    {
        foreach (var handler in eventHandlers)
        {
            await raise(handler);
        }
    }

    private static bool SameContent(ContentItem a, ContentItem b)
    {
        var left = new JsonObject(a.Content.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        var right = new JsonObject(b.Content.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        return JsonNode.DeepEquals(left, right) && a.DisplayText == b.DisplayText;
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}

public enum ImportOutcome
{
    Created,
    Updated,
    Unchanged,
}
