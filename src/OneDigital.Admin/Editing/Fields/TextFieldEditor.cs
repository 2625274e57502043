// Why: text is the common field; Orchard's editor variants pick the input (TextArea for paragraphs, Email, Url, Tel).
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OneDigital.Admin.Shared.Forms;

namespace OneDigital.Admin.Editing.Fields;

internal sealed class TextFieldEditor : IFieldEditor
{
    public Task<IReadOnlyList<FormField>> RenderAsync(EditorField field, JsonObject? value)
    {
        var text = FormValues.String(value, "Text");
        FormField input = field.Editor switch
        {
            "TextArea" or "Multiline" => new TextareaField(field.Name, field.LabelText) { Hint = field.Hint, Value = text },
            "Email" => new TextInputField(field.Name, field.LabelText) { Hint = field.Hint, Value = text, Type = "email", Spellcheck = false, Autocomplete = "off" },
            "Url" => new TextInputField(field.Name, field.LabelText) { Hint = field.Hint, Value = text, Type = "url", Spellcheck = false },
            "Tel" => new TextInputField(field.Name, field.LabelText) { Hint = field.Hint, Value = text, Type = "tel" },
            _ => new TextInputField(field.Name, field.LabelText) { Hint = field.Hint, Value = text },
        };
        return Task.FromResult<IReadOnlyList<FormField>>([input]);
    }

    public JsonObject Read(EditorField field, IFormCollection form) => new() { ["Text"] = FormValues.Text(form, field.Name) };
}
