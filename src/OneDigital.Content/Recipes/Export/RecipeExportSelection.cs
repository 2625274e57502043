namespace OneDigital.Content.Recipes.Export;

/// <summary>
/// What an export writes: the kinds of thing (<see cref="IRecipeExportSource.Kind"/>: <c>roles</c>,
/// <c>definitions</c>, <c>content</c>, <c>settings</c>, <c>queries</c>..., and <see cref="StoredSteps"/>), and for
/// <c>content</c> which content types' items. Null means all.
/// </summary>
public sealed record RecipeExportSelection
{
    public const string Definitions = "definitions";
    public const string Content = "content";
    /// <summary>The steps this CMS stored without applying (Layers, Templates, AdminMenu...), written back last.</summary>
    public const string StoredSteps = "stored-steps";

    public static readonly RecipeExportSelection Everything = new();

    public IReadOnlySet<string>? Kinds { get; init; }

    public IReadOnlySet<string>? ContentTypes { get; init; }

    public bool Includes(string kind) => Kinds is null || Kinds.Contains(kind);
}
