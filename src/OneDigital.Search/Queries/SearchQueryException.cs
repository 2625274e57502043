namespace OneDigital.Search.Queries;

/// <summary>
/// A query the DSL cannot run. <see cref="Path"/> says where in the JSON (<c>query.bool.must[1]</c>), the message
/// says what is wrong there; APIs answer 400 with <see cref="Exception.Message"/>.
/// </summary>
public sealed class SearchQueryException(string path, string problem) : Exception($"{path}: {problem}")
{
    public string Path { get; } = path;

    public string Problem { get; } = problem;
}

/// <summary>A stored query that does not exist (APIs answer 404).</summary>
public sealed class UnknownQueryException(string name) : Exception($"There is no query named '{name}'.")
{
    public string Name { get; } = name;
}
