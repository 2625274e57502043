// Why: a taxonomy field picks terms of one taxonomy. The default editor shows them all: radios when only one term may
// be chosen (Unique), checkboxes otherwise; terms are read from the taxonomy's latest version, so a term added today
// is offered today. The Tags editor (Orchard's editor variant "Tags") is one text input of comma-separated tag names,
// which works without scripts: on save each name is matched to a term (ignoring case) and an unknown one becomes a
// new term, written in the same transaction as the item (Pickers/TagTaxonomies), when the field's
// TaxonomyFieldTagsEditorSettings.Open allows it and the editor may edit (and publish) the taxonomy; otherwise the
// form says which names are unknown. With scripts, tags.mjs suggests terms for the name being typed. Stored in
// Orchard's shape: TermContentItemIds, and for the Tags editor also TagNames (the terms' names, in the same order).
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OneDigital.Admin.Editing.Pickers;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Definitions;

namespace OneDigital.Admin.Editing.Fields;

internal sealed class TaxonomyFieldEditor : IFieldEditor
{
    public async Task<IReadOnlyList<FormField>> RenderAsync(EditorField field, JsonObject? value)
    {
        var settings = field.Settings<TaxonomyFieldSettings>();
        var picked = FormValues.Strings(value, "TermContentItemIds");
        if (TagTaxonomies.IsTags(field.Definition)) return [Tags(field, settings, picked, value)];
        var taxonomy = settings.TaxonomyContentItemId is { Length: > 0 } id
            ? await field.Services.Query.GetLatestAsync(id, field.Services.Aborted)
            : null;
        var terms = new List<Choice>();
        if (taxonomy?.Part("TaxonomyPart")?["Terms"] is JsonArray roots) AddTerms(roots, 0, picked, terms);
        return
        [
            new PickerField(field.Name, field.LabelText, terms)
            {
                Hint = field.Hint ?? (settings.Unique ? "Choose one" : "Choose all that apply"),
                Multiple = !settings.Unique,
                Empty = taxonomy is null ? "The taxonomy this field uses is missing." : "The taxonomy has no terms yet.",
            },
        ];
    }

    public JsonObject Read(EditorField field, IFormCollection form)
    {
        var settings = field.Settings<TaxonomyFieldSettings>();
        if (TagTaxonomies.IsTags(field.Definition)) return ReadTags(field, settings, form);
        var ids = FormValues.All(form, field.Name).Distinct(StringComparer.Ordinal).ToArray();
        if (settings.Unique && ids.Length > 1) field.AddError($"Choose one {field.Label.ToLowerInvariant()} only");
        return new JsonObject
        {
            ["TaxonomyContentItemId"] = settings.TaxonomyContentItemId,
            ["TermContentItemIds"] = FormValues.Array(ids),
        };
    }

    private static TagsField Tags(EditorField field, TaxonomyFieldSettings settings, string[] picked, JsonObject? value)
    {
        var taxonomy = field.Services.Tags.For(settings.TaxonomyContentItemId);
        var byId = taxonomy?.Terms.ToDictionary(t => (string?)t["ContentItemId"] ?? "", t => (string?)t["DisplayText"] ?? "", StringComparer.Ordinal) ?? [];
        // A term removed from the taxonomy since has no name there; the stored TagNames still do.
        var stored = FormValues.Strings(value, "TagNames");
        var names = picked.Select((id, i) => byId.GetValueOrDefault(id) ?? (i < stored.Length ? stored[i] : id));
        var rule = taxonomy is null ? "The taxonomy this field uses is missing."
            : TagTaxonomies.MayAddTerms(field.Definition, taxonomy) ? $"Separate tags with commas. A new tag is added to {taxonomy.Name}."
            : $"Separate tags with commas. Only tags already in {taxonomy.Name} can be used.";
        return new TagsField(field.Name, field.LabelText)
        {
            Value = string.Join(", ", names),
            Hint = field.Hint is null ? rule : $"{field.Hint} {rule}",
            SearchUrl = field.SearchUrl,
        };
    }

    private static JsonObject ReadTags(EditorField field, TaxonomyFieldSettings settings, IFormCollection form)
    {
        var names = (FormValues.Text(form, field.Name) ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        var taxonomy = field.Services.Tags.For(settings.TaxonomyContentItemId);
        var ids = new List<string>();
        var tagNames = new List<string>();
        var unknown = new List<string>();
        foreach (var name in names)
        {
            if (taxonomy?.Find(name) is { } term)
            {
                ids.Add((string?)term["ContentItemId"] ?? "");
                tagNames.Add((string?)term["DisplayText"] ?? name);
            }
            else if (taxonomy is not null && TagTaxonomies.MayAddTerms(field.Definition, taxonomy) && name.Length <= 255)
            {
                ids.Add(field.Services.Tags.Pending(taxonomy, name));
                tagNames.Add(name);
            }
            else unknown.Add(name);
        }
        if (taxonomy is null && names.Length > 0) field.AddError($"{field.Label}: the taxonomy this field uses is missing");
        else if (unknown.Count > 0)
        {
            var list = string.Join(", ", unknown.Select(n => $"\u201c{n}\u201d"));
            field.AddError(unknown.Count == 1
                ? $"{field.Label}: {list} is not a tag in {taxonomy!.Name}, and new tags cannot be added here. Use an existing tag"
                : $"{field.Label}: {list} are not tags in {taxonomy!.Name}, and new tags cannot be added here. Use existing tags");
        }
        if (settings.Unique && ids.Count > 1) field.AddError($"{field.Label}: enter one tag only");
        return new JsonObject
        {
            ["TaxonomyContentItemId"] = settings.TaxonomyContentItemId,
            ["TermContentItemIds"] = FormValues.Array(ids),
            ["TagNames"] = FormValues.Array(tagNames),
        };
    }

    /// <summary>Terms depth first; a child's text shows its depth, so the tree reads in order.</summary>
    private static void AddTerms(JsonArray terms, int depth, string[] picked, List<Choice> into)
    {
        foreach (var term in terms.OfType<JsonObject>())
        {
            var id = FormValues.String(term, "ContentItemId") ?? "";
            var text = FormValues.String(term, "DisplayText") ?? id;
            into.Add(new Choice(id, $"{new string('\u2014', depth)}{(depth > 0 ? " " : "")}{text}") { Selected = picked.Contains(id) });
            if (term["Terms"] is JsonArray children) AddTerms(children, depth + 1, picked, into);
        }
    }
}
