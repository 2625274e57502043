using System.Data.Common;
using GraphQL;
using OneDigital.Content.Store;

namespace OneDigital.GraphQL.Endpoint;

/// <summary>
/// A store failure under a resolver is the site's problem, not the caller's: its error keeps GraphQL's generic message
/// but loses the code GraphQL.NET derives from the exception type ("SQLITE", "NPGSQL"), which tells a caller which
/// database runs behind the API.
/// </summary>
internal static class StoreErrors
{
    public const string Code = "STORE_ERROR";

    public static void Hide(ExecutionResult result)
    {
        foreach (var error in result.Errors ?? [])
        {
            for (var inner = error.InnerException; inner is not null; inner = inner.InnerException)
            {
                if (inner is DbException)
                {
                    error.Code = Code;
                    break;
                }
            }
        }
    }

    /// <summary>The store failure (busy, read-only, damaged, gone) behind any of the errors, or null.</summary>
    public static StoreUnavailableException? Unavailable(ExecutionResult result, TimeSpan busyTimeout)
    {
        foreach (var error in result.Errors ?? [])
        {
            if (error.InnerException is { } inner && StoreFailures.Classify(inner, busyTimeout) is { } failure)
            {
                return failure;
            }
        }
        return null;
    }
}
