using OneDigital.Testing;

namespace OneDigital.Content.Tests.Architecture;

// Content <- Search, Content <- GraphQL, and the hosts above them: the csproj files are the truth, so the test reads
// them rather than trusting a diagram. The checker is also tried on a made-up list, so a rule that can never fail
// would show here.

public sealed class ReferenceDirectionTests
{
    [Test]
    public void Every_project_under_src_references_only_projects_below_it()
    {
        var violations = ReferenceDirection.Violations(ReferenceDirection.Read(RecipeRunner.RepositoryRoot()));

        Assert.That(violations, Is.Empty, () => string.Join(Environment.NewLine, violations));
    }

    [Test]
    public void The_csproj_files_are_read_with_the_references_they_declare()
    {
        var edges = ReferenceDirection.Read(RecipeRunner.RepositoryRoot());

        Assert.That(edges, Does.Contain(new ProjectReferenceEdge("src/OneDigital.Web/OneDigital.Web.csproj", "OneDigital.GraphQL")));
        Assert.That(edges, Does.Contain(new ProjectReferenceEdge("src/OneDigital.Search/OneDigital.Search.csproj", "OneDigital.Content")));
        Assert.That(edges.Where(e => e.Project == "OneDigital.Content"), Is.Empty);
    }

    [Test]
    public void A_reference_against_the_direction_is_named_with_its_csproj()
    {
        ProjectReferenceEdge[] edges =
        [
            new("src/OneDigital.Search/OneDigital.Search.csproj", "OneDigital.Content"),
            new("src/OneDigital.Search/OneDigital.Search.csproj", "OneDigital.GraphQL"),
            new("src/OneDigital.GraphQL/OneDigital.GraphQL.csproj", "OneDigital.Search"),
            new("src/OneDigital.Content/OneDigital.Content.csproj", "OneDigital.Search"),
            new("src/OneDigital.Site/OneDigital.Site.csproj", "OneDigital.Search"),
            new("src/OneDigital.Site/OneDigital.Site.csproj", "OneDigital.GraphQL"),
            new("src/OneDigital.Admin/OneDigital.Admin.csproj", "OneDigital.Web"),
            new("src/OneDigital.Web/OneDigital.Web.csproj", "OneDigital.Testing"),
            new("src/OneDigital.Plugins/OneDigital.Plugins.csproj", "OneDigital.Content"),
        ];

        var violations = ReferenceDirection.Violations(edges);

        Assert.That(violations.Select(v => v[..v.IndexOf(',', StringComparison.Ordinal)]), Is.EqualTo(new[]
        {
            "src/OneDigital.Search/OneDigital.Search.csproj references OneDigital.GraphQL",
            "src/OneDigital.GraphQL/OneDigital.GraphQL.csproj references OneDigital.Search",
            "src/OneDigital.Content/OneDigital.Content.csproj references OneDigital.Search",
            "src/OneDigital.Site/OneDigital.Site.csproj references OneDigital.GraphQL",
            "src/OneDigital.Admin/OneDigital.Admin.csproj references OneDigital.Web",
            "src/OneDigital.Web/OneDigital.Web.csproj references OneDigital.Testing",
            "src/OneDigital.Plugins/OneDigital.Plugins.csproj references OneDigital.Content",
        }));
        Assert.That(violations[0], Is.EqualTo("src/OneDigital.Search/OneDigital.Search.csproj references OneDigital.GraphQL, against the direction of dependencies: "
            + "OneDigital.Search may reference only OneDigital.Content (the allowed edges are in tests/OneDigital.Content.Tests/Architecture/ReferenceDirection.cs)."));
        Assert.That(violations[2], Does.Contain("OneDigital.Content may reference no other project ("));
    }
}
