// Why: the first start's recipe and administrator come from OneDigital:Setup, bound like every other settings
// section; a blank value means the default, as it always has.
namespace OneDigital.Web.Setup;

/// <summary>
/// The <c>OneDigital:Setup</c> settings: the recipe the first start runs and the administrator it creates.
/// </summary>
public sealed class SetupOptions
{
    public const string Section = "OneDigital:Setup";
    public const string DefaultRecipe = "recipes/onedigital.recipe.json";

    public string AdminUserName { get; set; } = "admin";
    public string? AdminEmail { get; set; }

    /// <summary>When none is configured, setup generates one and prints it once.</summary>
    public string? AdminPassword { get; set; }

    public string SiteName { get; set; } = "One Digital";

    /// <summary>The recipe as given (<c>Recipe</c>); read <see cref="RecipePath"/>.</summary>
    public string? Recipe { get; set; }

    /// <summary>Full path of the setup recipe.</summary>
    public string RecipePath { get; private set; } = Path.Combine(AppContext.BaseDirectory, DefaultRecipe);

    /// <summary>Blank values take the defaults and the rest are trimmed; the recipe path is resolved once, at start.</summary>
    internal void Normalize()
    {
        AdminUserName = NonEmpty(AdminUserName) ?? "admin";
        AdminEmail = NonEmpty(AdminEmail);
        AdminPassword = NonEmpty(AdminPassword);
        SiteName = NonEmpty(SiteName) ?? "One Digital";
        Recipe = NonEmpty(Recipe);
        // A path the user gives means what it says from where they stand; the default recipe ships beside the app.
        RecipePath = Recipe is { } given ? Path.GetFullPath(given) : Path.Combine(AppContext.BaseDirectory, DefaultRecipe);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
