// Why: Content and Search know when a failure is the caller's mistake (an invalid item, a bad query, a name that does
// not exist) and what to call it; the web host turns any such exception into an answer without knowing its type.
namespace OneDigital.Content.Errors;

/// <summary>
/// An exception that is the caller's to fix, not the site's. APIs answer it as a ProblemDetails with these values;
/// anything else that escapes an endpoint is the site's fault (503 for a store failure, 500 otherwise).
/// </summary>
public interface IClientError
{
    /// <summary>The HTTP status: <see cref="Invalid"/>, <see cref="NotFound"/> or <see cref="Conflict"/>.</summary>
    int Status { get; }

    /// <summary>A short summary that is the same for every error of the kind.</summary>
    string Title { get; }

    /// <summary>What is wrong with this request, for the caller to read.</summary>
    string Detail { get; }

    /// <summary>More for a program to read (e.g. errors per field), or null.</summary>
    IReadOnlyDictionary<string, object?>? Extensions => null;

    /// <summary>The request cannot be carried out as sent (400).</summary>
    public const int Invalid = 400;

    /// <summary>The request names something that does not exist (404).</summary>
    public const int NotFound = 404;

    /// <summary>The request was made against a state that has changed since (409).</summary>
    public const int Conflict = 409;
}
