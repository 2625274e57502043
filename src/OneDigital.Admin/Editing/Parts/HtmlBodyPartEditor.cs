// Why: an HTML body is typed as source; the content engine sanitizes it on save.
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OneDigital.Admin.Editing.Fields;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Items;

namespace OneDigital.Admin.Editing.Parts;

internal sealed class HtmlBodyPartEditor : IPartEditor
{
    public string? MainInput(EditorPart part) => part.Name + ".Html";

    public Task<IReadOnlyList<FormField>> RenderAsync(EditorPart part, ContentItem item) =>
        Task.FromResult<IReadOnlyList<FormField>>(
        [
            new TextareaField(part.Name + ".Html", "Body")
            {
                Hint = "HTML. Scripts and unsafe attributes are removed when you save.",
                Value = FormValues.String(item.Part(part.Name), "Html"),
                Rows = 12,
            },
        ]);

    public void Read(EditorPart part, JsonObject json, IFormCollection form) => json["Html"] = FormValues.Text(form, part.Name + ".Html");
}
