// Why: an item's culture is chosen from the site's supported cultures (a stored culture the site no longer lists is
// shown, not silently replaced); its set is Orchard's link between translations, shown but never typed.
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OneDigital.Admin.Editing.Fields;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Items;

namespace OneDigital.Admin.Editing.Parts;

internal sealed class LocalizationPartEditor : IPartEditor
{
    public string? MainInput(EditorPart part) => part.Input + ".Culture";

    public async Task<IReadOnlyList<FormField>> RenderAsync(EditorPart part, ContentItem item)
    {
        var cultures = part.Services.Cultures;
        var current = LocalizationSet.Of(item);
        var fields = new List<FormField>();
        const string cultureHint = "The language this item is written in.";
        if (cultures.SupportedCultures.Count == 0)
        {
            fields.Add(new TextInputField(part.Input + ".Culture", "Culture")
            {
                Hint = cultureHint + " The site names no supported cultures, so any culture code (such as cy-GB) is accepted.",
                Value = current.Culture,
                Spellcheck = false,
            });
        }
        else
        {
            var selected = current.Culture ?? cultures.DefaultCulture;
            var choices = cultures.SupportedCultures
                .Select(c => new Choice(c, Name(c) + (string.Equals(c, cultures.DefaultCulture, StringComparison.OrdinalIgnoreCase) ? " (default)" : ""))
                {
                    Selected = string.Equals(c, selected, StringComparison.OrdinalIgnoreCase),
                })
                .ToList();
            if (current.Culture is { } stored && !cultures.Allows(stored))
            {
                choices.Insert(0, new Choice(stored, $"{Name(stored)} (not one of the site's cultures)") { Selected = true });
            }
            fields.Add(new SelectField(part.Input + ".Culture", "Culture", choices) { Hint = cultureHint });
        }
        if (part.Depth > 0) return fields;

        fields.Add(new InfoField(part.Input + ".LocalizationSet", "Localization set")
        {
            Hint = "Items in the same set are translations of each other.",
            Text = current.Set ?? "A new set is started when you save.",
        });
        var others = (await current.ItemsAsync(part.Services.Query, part.Services.Aborted))
            .Where(i => i.ContentItemId != item.ContentItemId)
            .ToList();
        fields.Add(new InfoField(part.Input + ".Translations", "Translations")
        {
            Text = others.Count == 0 ? "This item has no translations yet." : null,
            Links = [.. others.Select(o => new InfoLink(
                $"{Name(LocalizationSet.Of(o).Culture ?? "no culture")}: {o.DisplayText ?? o.ContentItemId}", ContentEditorLinks.Edit(o.ContentItemId)))],
        });
        return fields;
    }

    public void Read(EditorPart part, JsonObject json, IFormCollection form)
    {
        // No culture posted: the handler gives the site's default.
        if (FormValues.Text(form, part.Input + ".Culture") is { } culture) json["Culture"] = culture;
        else json.Remove("Culture");
    }

    /// <summary>The culture's code with its English name when .NET knows it ("cy-GB, Welsh (United Kingdom)").</summary>
    private static string Name(string culture)
    {
        try
        {
            var info = CultureInfo.GetCultureInfo(culture);
            return info.EnglishName.StartsWith("Unknown", StringComparison.Ordinal) || info.EnglishName == culture ? culture : $"{culture}, {info.EnglishName}";
        }
        catch (CultureNotFoundException)
        {
            return culture;
        }
    }
}
