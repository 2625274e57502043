// Why: a taxonomy field picks terms of one taxonomy: radios when only one term may be chosen (Unique), checkboxes
// otherwise (the Tags variant too, until a tag editor exists). Terms are read from the taxonomy's latest version, so
// a term added today is offered today.
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Definitions;

namespace OneDigital.Admin.Editing.Fields;

internal sealed class TaxonomyFieldEditor : IFieldEditor
{
    public async Task<IReadOnlyList<FormField>> RenderAsync(EditorField field, JsonObject? value)
    {
        var settings = field.Settings<TaxonomyFieldSettings>();
        var picked = FormValues.Strings(value, "TermContentItemIds");
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
        var ids = FormValues.All(form, field.Name).Distinct(StringComparer.Ordinal).ToArray();
        if (settings.Unique && ids.Length > 1) field.AddError($"Choose one {field.Label.ToLowerInvariant()} only");
        return new JsonObject
        {
            ["TaxonomyContentItemId"] = settings.TaxonomyContentItemId,
            ["TermContentItemIds"] = FormValues.Array(ids),
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
