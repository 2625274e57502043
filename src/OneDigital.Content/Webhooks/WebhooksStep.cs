using System.Text.Json;
using System.Text.Json.Nodes;
using OneDigital.Content.Recipes;

namespace OneDigital.Content.Webhooks;

/// <summary>
/// Webhooks: registers partner endpoints; an endpoint with an existing name is replaced. Shape:
/// <code>
/// { "name": "Webhooks", "Webhooks": [ { "Name": "partner-site", "Url": "https://partner.example/hooks",
///   "Secret": "...", "Events": ["published", "unpublished", "removed"], "ContentTypes": ["BlogPost"], "Enabled": true } ] }
/// </code>
/// Events defaults to all three, ContentTypes to every type, Enabled to true.
/// </summary>
public sealed class WebhooksStep(WebhookEndpoints endpoints) : IRecipeStep
{
    public const string StepName = "Webhooks";

    public IReadOnlyCollection<string> Names { get; } = [StepName];

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var array = context.Array("Webhooks");
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < array.Count; i++)
        {
            var path = $"Webhooks[{i}]";
            if (array[i] is not JsonObject source)
            {
                throw context.Fail(path, "A webhook must be an object.");
            }
            var registration = new WebhookRegistration
            {
                Name = Text(context, source, "Name", path) ?? "",
                Url = Text(context, source, "Url", path) ?? "",
                Secret = Text(context, source, "Secret", path) ?? "",
                ContentTypes = context.Names("ContentTypes", source, path),
                Events = Events(context, source, path),
                Enabled = Enabled(context, source, path),
            };
            try
            {
                WebhookEndpoints.Validate(registration);
            }
            catch (WebhookValidationException ex)
            {
                throw context.Fail($"{path}.{ex.Field}", ex.Message);
            }
            if (!names.Add(registration.Name.Trim()))
            {
                throw context.Fail($"{path}.Name", $"The webhook '{registration.Name}' appears twice in the step.");
            }
            await endpoints.SaveAsync(registration);
        }
    }

    private static string? Text(RecipeStepContext context, JsonObject source, string property, string path) =>
        RecipeStepContext.Get(source, property) switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            _ => throw context.Fail($"{path}.{property}", $"'{property}' must be a string."),
        };

    private static WebhookEvents Events(RecipeStepContext context, JsonObject source, string path)
    {
        if (RecipeStepContext.Get(source, "Events") is null)
        {
            return WebhookEvents.All;
        }
        var names = context.Names("Events", source, path);
        var events = WebhookEvents.None;
        for (var i = 0; i < names.Count; i++)
        {
            events |= WebhookEventNames.TryParse(names[i], out var change)
                ? change
                : throw context.Fail($"{path}.Events[{i}]", $"'{names[i]}' is not an event; use published, unpublished or removed.");
        }
        return events;
    }

    private static bool Enabled(RecipeStepContext context, JsonObject source, string path) =>
        RecipeStepContext.Get(source, "Enabled") switch
        {
            null => true,
            JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
            _ => throw context.Fail($"{path}.Enabled", "'Enabled' must be true or false."),
        };
}
