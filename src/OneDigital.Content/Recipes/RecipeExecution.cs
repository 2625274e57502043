using System.Text.Json.Nodes;
using OneDigital.Content.Recipes.Confinement;

namespace OneDigital.Content.Recipes;

/// <summary>The state of one import: parameters, variables, the report, and work deferred until it commits.</summary>
public sealed class RecipeExecution(IServiceProvider services, RecipeDescriptor recipe, RecipeParameters parameters, ImportReport report)
{
    public IServiceProvider Services { get; } = services;
    public RecipeDescriptor Recipe { get; } = recipe;
    public RecipeParameters Parameters { get; } = parameters;
    public ImportReport Report { get; } = report;
    public string RecipeName => Recipe.Name;

    /// <summary>What the recipe's files, scripts and configuration reads are confined to.</summary>
    public RecipeLimits Limits { get; init; } = new();

    /// <summary>Prefix of JSON paths in messages; nested recipes add their own name.</summary>
    public string PathPrefix { get; init; } = "";

    /// <summary>The recipe's <c>variables</c>: evaluated on first use, then reused across steps.</summary>
    public JsonObject Variables { get; init; } = [];

    /// <summary>
    /// Ids in this recipe that stand for items already in the store (matched on a re-import), so references to them
    /// point at the existing items instead of creating duplicates.
    /// </summary>
    public Dictionary<string, string> IdMap { get; init; } = new(StringComparer.Ordinal);

    /// <summary>File writes (media) run only once the store transaction has committed.</summary>
    public List<Func<Task>> AfterCommit { get; init; } = [];

    /// <summary>Names of recipes already on the stack, to stop a recipe from including itself.</summary>
    public List<string> Stack { get; init; } = [];

    /// <summary>Items this import created, so a later item of the same import is never mistaken for a re-import of it.</summary>
    public HashSet<string> CreatedItemIds { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Whether this recipe set the store up before the import ledger existed (then when): see <see cref="Stored.SetupRunItems"/>.</summary>
    public (bool Checked, DateTime? SetUpUtc) PreLedgerSetup { get; set; }

    public RecipeExecution Nested(RecipeDescriptor inner) => new(Services, inner, Parameters, Report)
    {
        Limits = Limits,
        PathPrefix = $"{PathPrefix}recipe '{inner.Name}' ",
        Variables = inner.Header["variables"]?.DeepClone() as JsonObject ?? [],
        IdMap = IdMap,
        AfterCommit = AfterCommit,
        CreatedItemIds = CreatedItemIds,
        Stack = [.. Stack, Recipe.Name],
    };
}

/// <summary>The values <c>parameters('...')</c> returns: Orchard's setup parameters.</summary>
public sealed class RecipeParameters
{
    public string AdminUserId { get; init; } = "";
    public string AdminUsername { get; init; } = "";
    public string SiteName { get; init; } = "";
    public Dictionary<string, string> Other { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    public string? Get(string name) => name switch
    {
        _ when name.Equals(nameof(AdminUserId), StringComparison.OrdinalIgnoreCase) => AdminUserId,
        _ when name.Equals(nameof(AdminUsername), StringComparison.OrdinalIgnoreCase) => AdminUsername,
        _ when name.Equals(nameof(SiteName), StringComparison.OrdinalIgnoreCase) => SiteName,
        _ => Other.GetValueOrDefault(name),
    };
}
