// Why: Orchard 3 calls the right to manage indexes ManageIndexes, Orchard 1/2's Lucene module ManageLuceneIndexes;
// roles imported from either carry one name or the other, and both mean the same here.
using OneDigital.Content.Security;

namespace OneDigital.Admin.SearchIndexes;

internal static class SearchIndexPermissions
{
    /// <summary>Granted by ManageIndexes or ManageLuceneIndexes.</summary>
    public static readonly Permission Manage =
        new(Permissions.ManageIndexes.Name, Permissions.ManageIndexes.Description, Permissions.ManageLuceneIndexes);
}
