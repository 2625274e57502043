// Why: the item's address. Left empty, it is made from the type's pattern when saved (usually from the title); an
// editor may set their own path where the type allows it. The hint shows the path the item has now.
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OneDigital.Admin.Editing.Fields;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Definitions;
using OneDigital.Content.Items;

namespace OneDigital.Admin.Editing.Parts;

internal sealed class AutoroutePartEditor : IPartEditor
{
    public string? MainInput(EditorPart part) => part.Input + ".Path";

    public Task<IReadOnlyList<FormField>> RenderAsync(EditorPart part, ContentItem item)
    {
        var settings = part.Settings<AutoroutePartSettings>();
        var path = FormValues.String(item.Part(part.Name), "Path");
        var made = $"Left empty, the path is made from the title{(settings.Pattern is { } p && p.Contains("container", StringComparison.Ordinal) ? " and the list the item is in" : "")} when you save.";
        if (!settings.AllowCustomPath)
        {
            return Task.FromResult<IReadOnlyList<FormField>>(
                [new InfoField(part.Input + ".Path", "Path") { Text = path is null ? made : $"/{path.TrimStart('/')}" }]);
        }
        return Task.FromResult<IReadOnlyList<FormField>>(
        [
            new TextInputField(part.Input + ".Path", "Path")
            {
                Hint = $"The item's address on the site, such as events/open-day. {made} To set your own path, type it here.",
                Value = path,
                Spellcheck = false,
            },
        ]);
    }

    public void Read(EditorPart part, JsonObject json, IFormCollection form)
    {
        if (part.Settings<AutoroutePartSettings>().AllowCustomPath) json["Path"] = FormValues.Text(form, part.Input + ".Path");
    }
}
