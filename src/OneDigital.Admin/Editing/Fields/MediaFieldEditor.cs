// Why: until the media library lands, editors see and type a media field's paths (one per line) and the alt text
// for each, so nothing stored is hidden from them and nothing is lost on save.
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Definitions;

namespace OneDigital.Admin.Editing.Fields;

internal sealed class MediaFieldEditor : IFieldEditor
{
    public Task<IReadOnlyList<FormField>> RenderAsync(EditorField field, JsonObject? value)
    {
        var settings = field.Settings<MediaFieldSettings>();
        var allowed = settings.AllowedExtensions.Length > 0 ? $" Allowed: {string.Join(", ", settings.AllowedExtensions)}." : "";
        var count = settings.Multiple ? "One path per line" : "One path";
        return Task.FromResult<IReadOnlyList<FormField>>(
        [
            new TextareaField(field.Name, $"{field.LabelText}: media paths")
            {
                Hint = $"{field.Hint}{(field.Hint is null ? "" : " ")}{count} in the media library, such as images/photo.jpg (picking from the library comes later).{allowed}",
                Value = string.Join('\n', FormValues.Strings(value, "Paths")),
                Rows = settings.Multiple ? 3 : 1,
            },
            new TextareaField(field.Name + ".MediaTexts", $"{field.Label}: alternative text")
            {
                Hint = "What each image shows, for people who cannot see it; one line per path, in the same order",
                Value = string.Join('\n', FormValues.Strings(value, "MediaTexts")),
                Rows = settings.Multiple ? 3 : 1,
            },
        ]);
    }

    public JsonObject Read(EditorField field, IFormCollection form)
    {
        var paths = FormValues.Lines(form, field.Name);
        var settings = field.Settings<MediaFieldSettings>();
        if (!settings.Multiple && paths.Length > 1) field.AddError($"{field.Label} takes one path only");
        var texts = FormValues.Lines(form, field.Name + ".MediaTexts");
        return new JsonObject
        {
            ["Paths"] = FormValues.Array(paths),
            ["MediaTexts"] = FormValues.Array(paths.Select((_, i) => i < texts.Length ? texts[i] : "")),
        };
    }
}
