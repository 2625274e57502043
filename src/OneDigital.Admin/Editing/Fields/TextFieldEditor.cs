// Why: text is the common field; Orchard's editor variants pick the input (TextArea for paragraphs, Email, Url, Tel,
// PredefinedList for a choice among TextFieldPredefinedListEditorSettings' options, as radios or a dropdown).
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
            "PredefinedList" when PredefinedList(field) is { Options.Count: > 0 } list => list.Input(field, text),
            _ => new TextInputField(field.Name, field.LabelText) { Hint = field.Hint, Value = text },
        };
        return Task.FromResult<IReadOnlyList<FormField>>([input]);
    }

    public JsonObject Read(EditorField field, IFormCollection form) => new() { ["Text"] = FormValues.Text(form, field.Name) };

    /// <summary>Orchard's options (<c>[{ "name", "value" }]</c>) and how to show them (Editor: Radio or Dropdown, by name or number).</summary>
    private static PredefinedOptions? PredefinedList(EditorField field)
    {
        if (field.Definition.Settings["TextFieldPredefinedListEditorSettings"] is not JsonObject settings) return null;
        var options = (settings["Options"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(o => (Name: o["name"]?.ToString() ?? "", Value: o["value"]?.ToString() ?? ""))
            .Where(o => o.Name.Length > 0 || o.Value.Length > 0).ToList();
        var editor = settings["Editor"]?.ToString();
        return new PredefinedOptions(options, editor is "Dropdown" or "1", settings["DefaultValue"]?.ToString());
    }

    private sealed record PredefinedOptions(List<(string Name, string Value)> Options, bool Dropdown, string? DefaultValue)
    {
        public FormField Input(EditorField field, string? text)
        {
            var chosen = string.IsNullOrEmpty(text) ? DefaultValue : text;
            List<Choice> choices = [.. Options.Select(o => new Choice(o.Value, o.Name.Length > 0 ? o.Name : o.Value) { Selected = o.Value == chosen })];
            // A stored value the options no longer offer stays choosable, so saving does not lose it.
            if (!string.IsNullOrEmpty(text) && !Options.Exists(o => o.Value == text)) choices.Add(new Choice(text, text) { Selected = true });
            return Dropdown
                ? new SelectField(field.Name, field.LabelText, [new Choice("", "Not chosen"), .. choices]) { Hint = field.Hint }
                : new RadiosField(field.Name, field.LabelText, choices) { Hint = field.Hint };
        }
    }
}
