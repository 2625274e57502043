// Why: the body of most pages; the same markdown input as the Markdown field (EasyMDE, server preview).
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OneDigital.Admin.Editing.Fields;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Items;

namespace OneDigital.Admin.Editing.Parts;

internal sealed class MarkdownBodyPartEditor : IPartEditor
{
    public string? MainInput(EditorPart part) => part.Name + ".Markdown";

    public Task<IReadOnlyList<FormField>> RenderAsync(EditorPart part, ContentItem item) =>
        Task.FromResult<IReadOnlyList<FormField>>([MarkdownInput.Of(part.Name + ".Markdown", "Body", null, FormValues.String(item.Part(part.Name), "Markdown"))]);

    public void Read(EditorPart part, JsonObject json, IFormCollection form) => json["Markdown"] = FormValues.Text(form, part.Name + ".Markdown");
}
