using System.Text.RegularExpressions;

namespace OneDigital.Search.SiteSearch;

/// <summary>A reader's search text split into "quoted phrases" (matched as written) and loose words.</summary>
internal sealed partial record SiteSearchText(IReadOnlyList<string> Phrases, string Words)
{
    public static SiteSearchText Parse(string text)
    {
        var phrases = new List<string>();
        var words = Quoted().Replace(text ?? "", m =>
        {
            if (m.Groups[1].Value.Trim().Length > 0) phrases.Add(m.Groups[1].Value);
            return " ";
        });
        // An unmatched quote is taken as an ordinary character, which analysis drops.
        return new SiteSearchText(phrases, words.Replace('"', ' ').Trim());
    }

    [GeneratedRegex("\"([^\"]*)\"")]
    private static partial Regex Quoted();
}
