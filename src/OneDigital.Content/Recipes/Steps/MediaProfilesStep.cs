using System.Text.Json.Nodes;
using OneDigital.Content.Items;
using OneDigital.Content.Media.Images;
using OneDigital.Content.Recipes.Stored;
using OneDigital.Content.Store;

namespace OneDigital.Content.Recipes.Steps;

/// <summary>
/// Orchard's <c>MediaProfiles</c> step (<c>{ "MediaProfiles": { "banner": { "Width", "Height", "Mode", "Format",
/// "Quality", "BackgroundColor" } } }</c>): each profile is checked (a profile that is not an object or a size past
/// <see cref="MaxSide"/> fails the recipe at its JSON path; a mode or format the resizer does not know is a warning), then
/// the step is kept as given (exported back unchanged) and <c>/media/...?profile=name</c> honours it on every node.
/// </summary>
public sealed class MediaProfilesStep(StoredRecipeSteps steps, MediaProfiles profiles, StoreTransaction transaction) : IRecipeStep
{
    /// <summary>The largest width or height a profile may ask for: a profile's sizes skip the supported-size list.</summary>
    public const int MaxSide = 4096;

    public IReadOnlyCollection<string> Names { get; } = [MediaProfiles.StepName];

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        if (RecipeStepContext.Get(context.Step, MediaProfiles.StepName) is not JsonObject named)
        {
            throw context.Fail(MediaProfiles.StepName, "MediaProfiles must be an object of profiles by name.");
        }
        foreach (var (name, value) in named)
        {
            var path = $"{MediaProfiles.StepName}.{name}";
            if (value is not JsonObject profile)
            {
                throw context.Fail(path, "A media profile must be a JSON object.");
            }
            foreach (var side in new[] { "Width", "Height" })
            {
                if (RecipeStepContext.Get(profile, side) is JsonValue size && size.TryGetValue(out int pixels) && (pixels < 0 || pixels > MaxSide))
                {
                    throw context.Fail($"{path}.{side}", $"{pixels} is not a size a profile may ask for: 0 (not set) to {MaxSide} pixels.");
                }
            }
            if (JsonValues.ScalarText(RecipeStepContext.Get(profile, "Mode")) is { } mode && !ImageResize.TryParseMode(mode, out _))
            {
                context.WarnAt($"{name}.Mode", $"'{mode}' is not a resize mode this site knows; the profile resizes with the default (max).");
            }
            if (JsonValues.ScalarText(RecipeStepContext.Get(profile, "Format")) is { } format && !ImageResize.TryParseFormat(format, out _))
            {
                context.WarnAt($"{name}.Format", $"'{format}' is not an output format this site knows; the profile keeps the original's.");
            }
        }
        await steps.StoreAsync(context.Name, context.Step);
        // This node reads the profiles again once the import commits; other nodes within the profiles' few seconds.
        transaction.AfterCommit(profiles.Forget);
    }
}
