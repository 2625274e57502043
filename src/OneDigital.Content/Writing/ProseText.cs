using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace OneDigital.Content.Writing;

/// <summary>
/// The prose of a rendered body: its blocks of text (paragraphs, list items, headings, cells; a line break ends a
/// block too) split into sentences and words. Code (<c>pre</c>, <c>code</c>) is not prose and is left out.
/// </summary>
internal sealed partial class ProseText
{
    public IReadOnlyList<string> Blocks { get; }
    public IReadOnlyList<string> Sentences { get; }

    private ProseText(IReadOnlyList<string> blocks)
    {
        Blocks = blocks;
        Sentences = blocks.SelectMany(SplitSentences).Where(s => Words(s).Count > 0).ToArray();
    }

    public static ProseText Of(INode root)
    {
        var text = new StringBuilder();
        Collect(root, text);
        return new ProseText(text.ToString().Split('\n').Select(Collapse).Where(b => b.Length > 0).ToArray());
    }

    /// <summary>The words of a text: runs of letters, digits, apostrophes and inner hyphens that hold a letter.</summary>
    public static IReadOnlyList<string> Words(string text) =>
        WordPattern().Matches(text).Select(m => m.Value).Where(w => w.Any(char.IsLetter)).ToArray();

    private static readonly HashSet<string> Blocky = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "td", "th", "tr", "table",
        "dd", "dt", "dl", "figure", "figcaption", "section", "article", "aside", "header", "footer", "details", "summary", "hr",
    };

    private static void Collect(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText t) { text.Append(t.Data); continue; }
            if (child is not IElement e) continue;
            var name = e.LocalName;
            if (name is "pre" or "code" or "script" or "style") { text.Append(name == "code" ? " " : "\n"); continue; }
            if (name == "br") { text.Append('\n'); continue; }
            if (name == "img") { continue; }
            var block = Blocky.Contains(name);
            if (block) text.Append('\n');
            Collect(e, text);
            if (block) text.Append('\n');
        }
    }

    private static string Collapse(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    // Abbreviations whose full stop does not end a sentence.
    private static readonly string[] Abbreviations = ["e.g.", "i.e.", "etc.", "mr.", "mrs.", "ms.", "dr.", "st.", "no.", "vs.", "approx."];

    private static IEnumerable<string> SplitSentences(string block)
    {
        var pieces = SentenceEnd().Split(block);
        var current = "";
        foreach (var piece in pieces)
        {
            current = current.Length == 0 ? piece : current + " " + piece;
            var last = current.Split(' ')[^1].ToLowerInvariant();
            if (Abbreviations.Contains(last)) continue;
            yield return current.Trim();
            current = "";
        }
        if (current.Length > 0) yield return current.Trim();
    }

    [GeneratedRegex(@"(?<=[.!?…][""'”’)]?)\s+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*")]
    private static partial Regex WordPattern();
}
