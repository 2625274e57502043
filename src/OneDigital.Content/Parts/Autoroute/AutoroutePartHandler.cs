using OneDigital.Content.Definitions;
using OneDigital.Content.Items;
using OneDigital.Content.Liquid;
using OneDigital.Content.Querying;

namespace OneDigital.Content.Parts.Autoroute;

/// <summary>
/// Builds an item's path from its type's Liquid pattern and keeps paths unique among live items: a generated
/// path that is taken gets a numeric suffix; a path someone chose that is taken is a validation error.
/// </summary>
public sealed class AutoroutePartHandler(LiquidRenderer liquid, ContentQuery query) : IContentPartHandler
{
    public async Task SavingAsync(ContentSaveContext context)
    {
        var typePart = context.Type.Parts.Find(p => p.PartName == "AutoroutePart");
        if (typePart is null)
        {
            return;
        }
        var part = context.Item.GetOrCreatePart(typePart.Name);
        var settings = typePart.GetSettings<AutoroutePartSettings>();
        if (part["Disabled"]?.GetValueKind() == System.Text.Json.JsonValueKind.True && settings.AllowDisabled)
        {
            return;
        }
        var given = Normalize(JsonValues.NonEmptyString(part["Path"]));
        var chosen = given is not null && (settings.AllowCustomPath || context.Importing || string.IsNullOrWhiteSpace(settings.Pattern));
        string? path = chosen ? given : null;
        if (path is null && !string.IsNullOrWhiteSpace(settings.Pattern))
        {
            path = Normalize(await liquid.RenderForItemAsync(settings.Pattern, context.Item, context.Manager));
        }
        if (string.IsNullOrEmpty(path))
        {
            part.Remove("Path");
            return;
        }
        if (path.Any(c => char.IsWhiteSpace(c) || c is '?' or '#' or '\\'))
        {
            context.AddError(typePart.Name, "Path", $"The path '{path}' has characters a URL cannot hold (spaces, ?, #, \\).");
            return;
        }
        if (await IsTakenAsync(context, path))
        {
            if (chosen && context.Importing)
            {
                // Orchard gives an imported item whose path another item holds a path of its own, never that item's.
                var unique = await NextFreeAsync(context, path, first: 1);
                context.Warnings.Add($"{context.Type.Name} '{context.Item.ContentItemId}': the path '{path}' belongs to another item; this one was given '{unique}'.");
                part["Path"] = unique;
                return;
            }
            if (chosen)
            {
                context.AddError(typePart.Name, "Path", $"The path '{path}' is already used by another content item.");
                return;
            }
            path = await NextFreeAsync(context, path);
        }
        part["Path"] = path;
    }

    private static string? Normalize(string? path) => path?.Trim().Trim('/') is { Length: > 0 } p ? p : null;

    private async Task<string> NextFreeAsync(ContentSaveContext context, string path, int first = 2)
    {
        for (var n = first; ; n++)
        {
            var candidate = $"{path}-{n}";
            if (!await IsTakenAsync(context, candidate))
            {
                return candidate;
            }
        }
    }

    private Task<bool> IsTakenAsync(ContentSaveContext context, string path) =>
        query.IsPathTakenAsync(path, context.Item.ContentItemId);
}
