using OneDigital.Content.Errors;

namespace OneDigital.Search.Queries;

/// <summary>
/// A query the DSL cannot run. <see cref="Path"/> says where in the JSON (<c>query.bool.must[1]</c>), the message
/// says what is wrong there; APIs answer 400 with <see cref="Exception.Message"/>.
/// </summary>
public sealed class SearchQueryException(string path, string problem) : Exception($"{path}: {problem}"), IClientError
{
    /// <summary>The title of every query the APIs refuse as sent.</summary>
    public const string InvalidTitle = "The query is invalid.";

    public string Path { get; } = path;

    public string Problem { get; } = problem;

    int IClientError.Status => IClientError.Invalid;

    string IClientError.Title => InvalidTitle;

    string IClientError.Detail => Message;
}

/// <summary>A stored query that does not exist (APIs answer 404).</summary>
public sealed class UnknownQueryException(string name) : Exception($"There is no query named '{name}'."), IClientError
{
    public string Name { get; } = name;

    int IClientError.Status => IClientError.NotFound;

    string IClientError.Title => "Not found.";

    string IClientError.Detail => Message;
}
