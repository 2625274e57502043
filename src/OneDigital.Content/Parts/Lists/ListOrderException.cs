// Why: an order for a list's items is checked against the items the list holds when it is saved; one that names an
// item twice, an item from elsewhere, or leaves one out (the list changed since the editor loaded it) is the caller's
// to fix, and nothing is written.
using OneDigital.Content.Errors;

namespace OneDigital.Content.Parts.Lists;

public sealed class ListOrderException(int status, string message) : Exception(message), IClientError
{
    public int Status { get; } = status;

    string IClientError.Title => "The list's order cannot be saved.";

    string IClientError.Detail => Message;

    internal static ListOrderException NoList(string listContentItemId) =>
        new(IClientError.NotFound, $"There is no list '{listContentItemId}'.");

    internal static ListOrderException Repeated(string childId) =>
        new(IClientError.Invalid, $"The item '{childId}' is named more than once in the new order.");

    internal static ListOrderException NotInList(string childId) =>
        new(IClientError.Conflict, $"The item '{childId}' is not in this list (any more). Reload the list and order it again.");

    internal static ListOrderException Missing(int count) =>
        new(IClientError.Conflict, $"{count} item{(count == 1 ? " was" : "s were")} added to the list since it was loaded. Reload the list and order it again.");
}
