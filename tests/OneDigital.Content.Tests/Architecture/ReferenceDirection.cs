using System.Xml.Linq;

namespace OneDigital.Content.Tests.Architecture;

/// <summary>A project reference as a csproj under src/ declares it.</summary>
/// <param name="Csproj">The declaring csproj, relative to the repository root, e.g. <c>src/OneDigital.Search/OneDigital.Search.csproj</c>.</param>
/// <param name="Reference">The referenced project's name, e.g. <c>OneDigital.Content</c>.</param>
internal sealed record ProjectReferenceEdge(string Csproj, string Reference)
{
    public string Project => Path.GetFileNameWithoutExtension(Csproj);
}

/// <summary>
/// Which project may reference which. Dependencies point one way, from the hosts down to content, so content can be
/// changed without looking up and a new wing (admin, readers' site) cannot tangle with an API it sits beside. The
/// edges are written out here: a new reference is a decision made in this file, not a side effect of a using-line.
/// </summary>
internal static class ReferenceDirection
{
    public static readonly IReadOnlyDictionary<string, string[]> Allowed = new Dictionary<string, string[]>
    {
        ["OneDigital.Content"] = [],
        ["OneDigital.Search"] = ["OneDigital.Content"],
        ["OneDigital.GraphQL"] = ["OneDigital.Content"],
        ["OneDigital.Admin"] = ["OneDigital.Content", "OneDigital.Search"],
        ["OneDigital.Site"] = ["OneDigital.Content", "OneDigital.Search"],
        ["OneDigital.Web"] = ["OneDigital.Content", "OneDigital.Search", "OneDigital.GraphQL", "OneDigital.Admin", "OneDigital.Site"],
    };

    /// <summary>One message per reference against the direction, naming the csproj and what it references.</summary>
    public static IReadOnlyList<string> Violations(IEnumerable<ProjectReferenceEdge> edges) =>
        [.. edges.Where(e => !AllowedFor(e.Project).Contains(e.Reference, StringComparer.Ordinal))
            .Select(e => $"{e.Csproj} references {e.Reference}, against the direction of dependencies: {e.Project} may reference "
                + (AllowedFor(e.Project) is { Length: > 0 } allowed ? $"only {string.Join(", ", allowed)}" : "no other project")
                + " (the allowed edges are in tests/OneDigital.Content.Tests/Architecture/ReferenceDirection.cs).")];

    /// <summary>Every ProjectReference of every csproj under <paramref name="repositoryRoot"/>/src.</summary>
    public static IReadOnlyList<ProjectReferenceEdge> Read(string repositoryRoot) =>
        [.. Directory.EnumerateFiles(Path.Combine(repositoryRoot, "src"), "*.csproj", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .SelectMany(file => XDocument.Load(file).Descendants()
                .Where(e => e.Name.LocalName == "ProjectReference" && e.Attribute("Include") is not null)
                .Select(e => new ProjectReferenceEdge(
                    Path.GetRelativePath(repositoryRoot, file).Replace('\\', '/'),
                    Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value.Replace('\\', '/')))))];

    // A project the rules do not name (a new one, a test project) may reference nothing until an edge is added.
    private static string[] AllowedFor(string project) => Allowed.TryGetValue(project, out var allowed) ? allowed : [];
}
