// Why: every change an administrator makes to the content model goes through ContentDefinitionStore (so the editor,
// GraphQL and search follow it without a restart) from the version the page showed: a page opened before someone
// else's change must not overwrite it. The change and its audit row commit together or not at all.
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Audit;
using OneDigital.Content.Definitions;
using OneDigital.Content.Store;

namespace OneDigital.Admin.ContentTypes;

public sealed class ContentTypeChanges(ContentDefinitionStore definitions, StoreTransaction transaction, AuditTrail audit)
{
    public const string StaleMessage =
        "Someone else changed the content types after you opened this page, so nothing was saved. The page now shows their change: make yours again.";

    /// <summary>
    /// Applies <paramref name="change"/> to the definitions if they are still at <paramref name="readVersion"/>, and
    /// records it. Null when saved; otherwise the message to show (a stale page, or a change the definitions refuse).
    /// </summary>
    public async Task<string?> ApplyAsync(int readVersion, AuditKind kind, string typeName, string detail,
        Action<ContentDefinitionDocument> change, CancellationToken ct)
    {
        try
        {
            await transaction.RunAsync(async () =>
            {
                var current = await definitions.GetAsync(ct);
                if (current.Version != readVersion)
                {
                    throw new DocumentConflictException(ContentDefinitionStore.DocumentName, readVersion, current.Version);
                }
                // AlterAsync saves from the version read just above, so a change committed in between is refused too.
                await definitions.AlterAsync(change, ct);
                await audit.RecordAsync(new AuditEntry(kind) { ContentType = typeName, Detail = detail }, ct);
            }, ct);
            return null;
        }
        catch (DocumentConflictException)
        {
            definitions.Reset();
            return StaleMessage;
        }
        catch (ContentDefinitionException refused)
        {
            definitions.Reset();
            return refused.Message;
        }
    }
}

public static class ContentTypesServices
{
    public static IServiceCollection AddAdminContentTypes(this IServiceCollection services) => services.AddScoped<ContentTypeChanges>();
}
