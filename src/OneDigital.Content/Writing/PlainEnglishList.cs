using System.Reflection;
using System.Text.RegularExpressions;

namespace OneDigital.Content.Writing;

/// <summary>
/// Words and phrases with a plainer alternative ("utilise" → "use"). Written as text, one entry a line:
/// <c>word or phrase = suggestion</c>; lines starting with <c>#</c> are comments. The default list ships with the CMS
/// (<c>Writing/PlainEnglishWords.txt</c>); a site's own list is kept in the site settings (<see cref="WritingSettings"/>).
/// </summary>
public sealed class PlainEnglishList
{
    public IReadOnlyDictionary<string, string> Entries { get; }
    private readonly Regex? _pattern;

    private PlainEnglishList(Dictionary<string, string> entries)
    {
        Entries = entries;
        if (entries.Count == 0) return;
        // Longest first, so "in order to" wins over a shorter entry inside it. Compiled: it runs over every body
        // published (an import of thousands), and a list is built once per text.
        var alternatives = entries.Keys.OrderByDescending(k => k.Length).Select(k => Regex.Escape(k).Replace(@"\ ", @"\s+"));
        _pattern = new Regex(@"(?<![\p{L}\p{N}'’\-])(?:" + string.Join('|', alternatives) + @")(?![\p{L}\p{N}'’\-])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1));
    }

    // Declared in this order on purpose: static initializers run top to bottom.
    public static string DefaultText { get; } = ReadDefault();

    public static PlainEnglishList Default { get; } = Parse(DefaultText, out _);

    /// <summary>Reads the text form; each line that is not an entry is described in <paramref name="errors"/>
    /// (with its line number) and left out.</summary>
    public static PlainEnglishList Parse(string text, out IReadOnlyList<string> errors)
    {
        var entries = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var equals = line.IndexOf('=');
            var word = equals > 0 ? Collapse(line[..equals]) : "";
            var suggestion = equals > 0 ? Collapse(line[(equals + 1)..]) : "";
            if (word.Length == 0 || suggestion.Length == 0)
            {
                problems.Add($"Line {i + 1}: \"{line}\" must be written as \"word = suggestion\".");
                continue;
            }
            entries[word] = suggestion;
        }
        errors = problems;
        return new PlainEnglishList(entries);
    }

    /// <summary>Each listed word or phrase in the text, as written there, with its suggestion.</summary>
    public IEnumerable<(string Found, string Suggestion)> FindIn(string text)
    {
        if (_pattern is null) yield break;
        foreach (Match m in _pattern.Matches(text))
        {
            yield return (m.Value, Entries[Collapse(m.Value)]);
        }
    }

    private static string Collapse(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string ReadDefault()
    {
        using var stream = typeof(PlainEnglishList).Assembly.GetManifestResourceStream("OneDigital.Content.Writing.PlainEnglishWords.txt")
            ?? throw new InvalidOperationException("The default plain-English word list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
