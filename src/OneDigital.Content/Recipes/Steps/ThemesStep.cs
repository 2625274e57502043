using OneDigital.Content.Settings;

namespace OneDigital.Content.Recipes.Steps;

/// <summary>Records the admin and site themes a recipe chooses (<c>{ "admin": "TheAdmin", "site": "" }</c>).</summary>
public sealed class ThemesStep(SiteThemes siteThemes) : IRecipeStep
{
    public IReadOnlyCollection<string> Names { get; } = ["themes"];

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var themes = await siteThemes.SaveAsync(context.Get("admin")?.ToString(), context.Get("site")?.ToString());
        if (!string.IsNullOrEmpty(themes.Site))
        {
            context.Warn($"the site theme '{themes.Site}' is recorded; this CMS serves its own reader theme.");
        }
    }
}
