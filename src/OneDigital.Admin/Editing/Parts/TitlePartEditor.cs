// Why: the title is the item's name everywhere; it is typed unless the type makes it from a pattern (Orchard's
// TitlePartSettings.Options: 0 editable, 3 editable and required, 1 and 2 generated).
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OneDigital.Admin.Editing.Fields;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Definitions;
using OneDigital.Content.Items;

namespace OneDigital.Admin.Editing.Parts;

internal sealed class TitlePartEditor : IPartEditor
{
    private const int EditableRequired = 3;

    public string? MainInput(EditorPart part) => Editable(part) ? part.Input + ".Title" : null;

    public Task<IReadOnlyList<FormField>> RenderAsync(EditorPart part, ContentItem item)
    {
        if (!Editable(part))
        {
            return Task.FromResult<IReadOnlyList<FormField>>(
                [new InfoField(part.Input + ".Title", "Title") { Text = $"Made from the item's other fields{(item.DisplayText is { Length: > 0 } t ? $": {t}" : " when it is saved")}." }]);
        }
        var required = part.Settings<TitlePartSettings>().Options == EditableRequired;
        return Task.FromResult<IReadOnlyList<FormField>>(
            [new TextInputField(part.Input + ".Title", required ? "Title (required)" : "Title") { Value = FormValues.String(item.Part(part.Name), "Title") }]);
    }

    public void Read(EditorPart part, JsonObject json, IFormCollection form)
    {
        if (Editable(part)) json["Title"] = FormValues.Text(form, part.Input + ".Title");
    }

    private static bool Editable(EditorPart part) => part.Settings<TitlePartSettings>().Options is 0 or EditableRequired;
}
