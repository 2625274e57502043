// Why: a content picker may point at any of thousands of items, so it lists only what is chosen (title, type and
// status, in order, each removable) and finds the rest by title: as the editor types with scripts, with the Search
// button without them. Both ask Pickers/PickerSearch, which offers only the field's types (DisplayedContentTypes, or
// every type) and only items the editor may see. Stored as Orchard's ContentItemIds, in the order chosen.
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OneDigital.Admin.Editing.Pickers;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Definitions;

namespace OneDigital.Admin.Editing.Fields;

internal sealed class ContentPickerFieldEditor : IFieldEditor
{
    public async Task<IReadOnlyList<FormField>> RenderAsync(EditorField field, JsonObject? value)
    {
        var settings = field.Settings<ContentPickerFieldSettings>();
        var services = field.Services;
        var picked = FormValues.Strings(value, "ContentItemIds");
        var search = services.Posted is { } posted ? FormValues.Text(posted, field.Name + ".Search") : null;
        var types = PickerSearch.AllowedTypes(settings, services.Definitions);
        var results = search is null || services.Action != ContentEditorPage.Search
            ? null
            : await services.Pickers.ItemsAsync(services.User, services.Definitions, types, search, picked, services.Aborted);
        var allowed = string.Join(", ", types.Select(t => services.Definitions.Type(t)?.DisplayName ?? t));
        return
        [
            new SearchPickerField(field.Name, field.LabelText, await services.Pickers.ChosenItemsAsync(picked, services.Definitions, services.Aborted))
            {
                Hint = $"{field.Hint}{(field.Hint is null ? "" : " ")}{(settings.Multiple ? "Choose one or more" : "Choose one")}: {allowed}.",
                Multiple = settings.Multiple,
                SearchUrl = field.SearchUrl,
                Search = search,
                Results = results,
            },
        ];
    }

    public JsonObject Read(EditorField field, IFormCollection form) =>
        new() { ["ContentItemIds"] = FormValues.Array(SearchPickerField.Read(form, field.Name, field.Settings<ContentPickerFieldSettings>().Multiple)) };
}
