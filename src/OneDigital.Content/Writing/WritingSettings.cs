using System.Text.Json.Nodes;
using OneDigital.Content.Settings;

namespace OneDigital.Content.Writing;

/// <summary>
/// The site's writing-check settings, a section of the site settings document:
/// <c>"WritingSettings": { "PlainEnglishWords": "utilise = use\n..." }</c>. Without the section (or with the text
/// removed) the default list that ships with the CMS applies.
/// </summary>
public sealed class WritingSettings(SiteSettingsStore site)
{
    public const string SectionName = "WritingSettings";
    public const string WordsKey = "PlainEnglishWords";

    // Parsing builds a regex; the text rarely changes, so the last list read is kept with the text it came from.
    private static (string Text, PlainEnglishList List) _last = (PlainEnglishList.DefaultText, PlainEnglishList.Default);

    /// <summary>The site's list as text (the default list's text when the site has none).</summary>
    public async Task<string> GetWordsTextAsync(CancellationToken ct = default)
    {
        var settings = await site.GetAsync(ct);
        return settings[SectionName]?[WordsKey]?.GetValue<string>() is { Length: > 0 } text ? text : PlainEnglishList.DefaultText;
    }

    public async Task<PlainEnglishList> GetWordsAsync(CancellationToken ct = default)
    {
        var text = await GetWordsTextAsync(ct);
        var last = _last;
        if (string.Equals(last.Text, text, StringComparison.Ordinal)) return last.List;
        var list = PlainEnglishList.Parse(text, out _);
        _last = (text, list);
        return list;
    }

    /// <summary>Saves the list's text when every line reads as an entry; otherwise saves nothing and returns the
    /// problems, each naming its line. Empty text goes back to the default list.</summary>
    public async Task<IReadOnlyList<string>> SaveWordsTextAsync(string text, CancellationToken ct = default)
    {
        PlainEnglishList.Parse(text, out var errors);
        if (errors.Count > 0) return errors;
        var normalised = text.Replace("\r\n", "\n").Trim();
        await site.MergeAsync([new(SectionName, new JsonObject { [WordsKey] = normalised.Length == 0 ? null : normalised })], ct);
        return [];
    }
}
