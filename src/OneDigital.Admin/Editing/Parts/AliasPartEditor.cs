// Why: an alias is the handle developers fetch an item by (GraphQL's contentItem by alias); left empty it is made
// from the type's pattern.
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OneDigital.Admin.Editing.Fields;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Items;

namespace OneDigital.Admin.Editing.Parts;

internal sealed class AliasPartEditor : IPartEditor
{
    public string? MainInput(EditorPart part) => part.Name + ".Alias";

    public Task<IReadOnlyList<FormField>> RenderAsync(EditorPart part, ContentItem item) =>
        Task.FromResult<IReadOnlyList<FormField>>(
        [
            new TextInputField(part.Name + ".Alias", "Alias")
            {
                Hint = "A short name developers use to fetch this item, such as main-menu. Left empty, it is made from the title.",
                Value = FormValues.String(item.Part(part.Name), "Alias"),
                Spellcheck = false,
            },
        ]);

    public void Read(EditorPart part, JsonObject json, IFormCollection form) => json["Alias"] = FormValues.Text(form, part.Name + ".Alias");
}
