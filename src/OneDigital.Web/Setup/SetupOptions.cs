namespace OneDigital.Web.Setup;

/// <summary>
/// The <c>OneDigital:Setup</c> settings: the recipe the first start runs and the administrator it creates.
/// </summary>
public sealed class SetupOptions
{
    public const string DefaultRecipe = "recipes/onedigital.recipe.json";

    public string AdminUserName { get; init; } = "admin";
    public string? AdminEmail { get; init; }

    /// <summary>When none is configured, setup generates one and prints it once.</summary>
    public string? AdminPassword { get; init; }

    public string SiteName { get; init; } = "One Digital";

    /// <summary>Full path of the setup recipe.</summary>
    public required string RecipePath { get; init; }

    public static SetupOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection("OneDigital:Setup");
        return new SetupOptions
        {
            AdminUserName = NonEmpty(section["AdminUserName"]) ?? "admin",
            AdminEmail = NonEmpty(section["AdminEmail"]),
            AdminPassword = NonEmpty(section["AdminPassword"]),
            SiteName = NonEmpty(section["SiteName"]) ?? "One Digital",
            // A path the user gives means what it says from where they stand; the default recipe ships beside the app.
            RecipePath = NonEmpty(section["Recipe"]) is { } given
                ? Path.GetFullPath(given)
                : Path.Combine(AppContext.BaseDirectory, DefaultRecipe),
        };
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
