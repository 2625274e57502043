// Why: a restore or diff that names a version the item never had is the caller's mistake, answered as 404.
using OneDigital.Content.Errors;

namespace OneDigital.Content.Items;

public sealed class ContentVersionNotFoundException(string contentItemId, string versionId)
    : Exception($"The content item '{contentItemId}' has no version '{versionId}'."), IClientError
{
    int IClientError.Status => IClientError.NotFound;

    string IClientError.Title => "The content version does not exist.";

    string IClientError.Detail => Message;
}
