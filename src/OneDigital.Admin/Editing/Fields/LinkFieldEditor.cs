// Why: a link is an address and the words shown for it; both are inputs, the address first (errors link to it).
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OneDigital.Admin.Shared.Forms;

namespace OneDigital.Admin.Editing.Fields;

internal sealed class LinkFieldEditor : IFieldEditor
{
    public Task<IReadOnlyList<FormField>> RenderAsync(EditorField field, JsonObject? value) =>
        Task.FromResult<IReadOnlyList<FormField>>(
        [
            new TextInputField(field.Name, $"{field.LabelText}: address")
            {
                Hint = field.Hint ?? "A full address such as https://example.org/page, or a path on this site such as /events",
                Value = FormValues.String(value, "Url"),
                Type = "url",
                Spellcheck = false,
            },
            new TextInputField(field.Name + ".Text", $"{field.Label}: link text")
            {
                Hint = "The words people click on",
                Value = FormValues.String(value, "Text"),
            },
        ]);

    public JsonObject Read(EditorField field, IFormCollection form)
    {
        var url = FormValues.Text(form, field.Name);
        if (url is not null && !Uri.TryCreate(url, UriKind.RelativeOrAbsolute, out _))
        {
            field.AddError($"{field.Label} must be a web address, like https://example.org");
        }
        return new JsonObject { ["Url"] = url, ["Text"] = FormValues.Text(form, field.Name + ".Text") };
    }
}
