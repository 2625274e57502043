// Why: a content picker offers the items of the types the field allows (its DisplayedContentTypes, or every type);
// without scripts the search button reloads the form with the items whose title matches. Items already picked stay
// listed, so saving never drops them.
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Definitions;
using OneDigital.Content.Items;
using OneDigital.Content.Querying;

namespace OneDigital.Admin.Editing.Fields;

internal sealed class ContentPickerFieldEditor : IFieldEditor
{
    private const int MaxChoices = 50;

    public async Task<IReadOnlyList<FormField>> RenderAsync(EditorField field, JsonObject? value)
    {
        var settings = field.Settings<ContentPickerFieldSettings>();
        var services = field.Services;
        var picked = FormValues.Strings(value, "ContentItemIds");
        var search = services.Posted is { } posted ? FormValues.Text(posted, field.Name + ".Search") : null;

        var choices = new List<ContentItem>();
        foreach (var id in picked)
        {
            if (await services.Query.GetLatestAsync(id, services.Aborted) is { } item) choices.Add(item);
        }
        foreach (var type in AllowedTypes(settings, services.Definitions))
        {
            var items = await services.Query.ListAsync(new ContentListRequest(type) { Status = ContentStatus.Latest, Take = 500 }, services.Aborted);
            choices.AddRange(items.Where(i => search is null || (i.DisplayText ?? "").Contains(search, StringComparison.OrdinalIgnoreCase)));
        }
        var shown = choices.DistinctBy(i => i.ContentItemId).Take(MaxChoices + picked.Length)
            .Select(i => new Choice(i.ContentItemId, Title(i, services.Definitions)) { Selected = picked.Contains(i.ContentItemId) })
            .ToList();
        var allowed = string.Join(", ", AllowedTypes(settings, services.Definitions).Select(t => services.Definitions.Type(t)?.DisplayName ?? t));
        return
        [
            new PickerField(field.Name, field.LabelText, shown)
            {
                Hint = $"{field.Hint}{(field.Hint is null ? "" : " ")}{(settings.Multiple ? "Choose one or more" : "Choose one")}: {allowed}.",
                Multiple = settings.Multiple,
                Searchable = true,
                Search = search,
                Empty = search is null ? "There are no items to choose from yet." : $"No items match \u201c{search}\u201d.",
            },
        ];
    }

    public JsonObject Read(EditorField field, IFormCollection form) =>
        new() { ["ContentItemIds"] = FormValues.Array(FormValues.All(form, field.Name).Distinct(StringComparer.Ordinal)) };

    private static IEnumerable<string> AllowedTypes(ContentPickerFieldSettings settings, ContentDefinitionDocument definitions) =>
        settings.DisplayAllContentTypes || settings.DisplayedContentTypes.Length == 0
            ? definitions.ContentTypes.Select(t => t.Name)
            : settings.DisplayedContentTypes;

    private static string Title(ContentItem item, ContentDefinitionDocument definitions) =>
        $"{(item.DisplayText is { Length: > 0 } text ? text : item.ContentItemId)} ({definitions.Type(item.ContentType)?.DisplayName ?? item.ContentType})";
}
