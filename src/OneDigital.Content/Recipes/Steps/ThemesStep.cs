using OneDigital.Content.Settings;
using OneDigital.Content.Store;

namespace OneDigital.Content.Recipes.Steps;

/// <summary>Records the admin and site themes a recipe chooses (<c>{ "admin": "TheAdmin", "site": "" }</c>).</summary>
public sealed class ThemesStep(DocumentStore documents) : IRecipeStep
{
    public IReadOnlyCollection<string> Names { get; } = ["themes"];

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var (themes, _) = await documents.GetAsync<ThemesDocument>(ThemesDocument.DocumentName);
        themes.Admin = context.Get("admin")?.ToString() ?? themes.Admin;
        themes.Site = context.Get("site")?.ToString() ?? themes.Site;
        await documents.SaveAsync(ThemesDocument.DocumentName, themes);
        if (!string.IsNullOrEmpty(themes.Site))
        {
            context.Warn($"the site theme '{themes.Site}' is recorded; this CMS serves its own reader theme.");
        }
    }
}
