using System.Text.Json.Nodes;
using Fluid;
using OneDigital.Content.Items;
using OneDigital.Content.Recipes.Stored;

namespace OneDigital.Content.Recipes.Steps;

/// <summary>
/// Orchard's <c>Templates</c> step: each template is parsed as the site's theme parses its files (a template Fluid
/// cannot parse fails the recipe at <c>Templates.{name}.Content</c>), a shape name with no theme template is reported,
/// and the step is kept as given for the site (<see cref="RecipeTemplates"/>) and the export.
/// </summary>
public sealed class TemplatesStep(StoredRecipeSteps steps) : IRecipeStep
{
    private static readonly FluidParser Parser = new();

    public IReadOnlyCollection<string> Names { get; } = [RecipeTemplates.StepName];

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var templates = context.Get(RecipeTemplates.StepName) ?? new JsonObject();
        if (templates is not JsonObject)
        {
            throw context.Fail(RecipeTemplates.StepName, "'Templates' must be an object of templates by shape name.");
        }
        foreach (var (shape, template) in templates.AsObject())
        {
            var path = $"{RecipeTemplates.StepName}.{shape}";
            if (template is not JsonObject t || JsonValues.Property(t, "Content") is not JsonValue v || !v.TryGetValue(out string? source))
            {
                throw context.Fail($"{path}.Content", "A template needs its Liquid as a string in 'Content'.");
            }
            if (!Parser.TryParse(source, out _, out var error))
            {
                throw context.Fail($"{path}.Content", $"The template is not valid Liquid: {error}");
            }
            if (RecipeTemplates.ThemeName(shape) is null)
            {
                context.WarnAt(path, "stored and exported, but not shown: the readers' site has no template for this shape (only Content, Content__{Type}, Content_{Display} and Content_{Display}__{Type} map onto the theme).");
            }
        }
        await steps.StoreAsync(context.Name, context.Step);
    }
}
