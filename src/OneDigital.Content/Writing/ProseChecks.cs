using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace OneDigital.Content.Writing;

/// <summary>The plain-English checks over a body's prose: long sentences, passive voice, words with a plainer
/// alternative, runs of capitals and emoji used as bullets.</summary>
internal static partial class ProseChecks
{
    private const int LongSentenceWords = WritingCheck.LongSentenceWords;

    public static IEnumerable<WritingFinding> Run(ProseText prose, PlainEnglishList words)
    {
        foreach (var sentence in prose.Sentences)
        {
            var count = ProseText.Words(sentence).Count;
            if (count > LongSentenceWords)
            {
                yield return WritingCheck.Finding(WritingCheck.LongSentence,
                    $"This sentence has {count} words. Sentences of {LongSentenceWords} words or fewer are easier to read: split it up.", sentence);
            }
            foreach (var phrase in PassivePhrases(sentence))
            {
                yield return WritingCheck.Finding(WritingCheck.PassiveVoice,
                    $"\"{phrase}\" may be passive voice. Say who does what, for example \"we sent the form\" rather than \"the form was sent\".", sentence);
            }
        }
        foreach (var block in prose.Blocks)
        {
            foreach (var (found, suggestion) in words.FindIn(block))
            {
                yield return WritingCheck.Finding(WritingCheck.PlainEnglishWord, $"Use \"{suggestion}\" rather than \"{found}\".", ExcerptAround(block, found), suggestion);
            }
            foreach (Match caps in CapitalsRun().Matches(block))
            {
                if (caps.Value.Count(char.IsLetter) < 10) continue;
                yield return WritingCheck.Finding(WritingCheck.AllCapsText,
                    "Text in capitals is harder to read and can sound like shouting. Use sentence case, and bold for emphasis if you must.", caps.Value);
            }
        }
        foreach (var finding in EmojiBullets(prose.Blocks)) yield return finding;
    }

    // Passive voice, roughly: a form of "be", perhaps an adverb or "not", then a past participle (a word ending in
    // "-ed" or one of the common irregular ones). It misses "got sent" and flags "is tired" less often thanks to the
    // list of "-ed" adjectives, so it is advice, never a block.
    private static IEnumerable<string> PassivePhrases(string sentence)
    {
        foreach (Match m in PassivePattern().Matches(sentence))
        {
            var participle = m.Groups["participle"].Value.ToLowerInvariant();
            var regular = participle.EndsWith("ed", StringComparison.Ordinal) && participle.Length > 4 && !EdAdjectives.Contains(participle);
            if (regular || IrregularParticiples.Contains(participle)) yield return m.Value;
        }
    }

    private static readonly HashSet<string> EdAdjectives = new(StringComparer.Ordinal)
    {
        "interested", "tired", "excited", "pleased", "bored", "married", "supposed", "used", "worried", "scared",
        "confused", "delighted", "surprised", "disappointed", "embarrassed", "annoyed", "relaxed", "talented", "aged",
        "committed", "dedicated", "determined", "prepared", "involved", "qualified", "skilled", "experienced", "need", "red", "bed",
    };

    private static readonly HashSet<string> IrregularParticiples = new(StringComparer.Ordinal)
    {
        "known", "given", "made", "written", "taken", "seen", "done", "built", "found", "held", "kept", "left", "lost",
        "paid", "put", "said", "sent", "set", "shown", "told", "thought", "understood", "won", "brought", "bought",
        "caught", "taught", "chosen", "begun", "drawn", "driven", "eaten", "fallen", "forgotten", "hidden", "led",
        "meant", "sold", "spent", "spoken", "stolen", "thrown", "worn", "heard", "cut", "hit", "shut", "spread", "run", "read",
    };

    [GeneratedRegex(@"\b(?:am|is|are|was|were|be|been|being)\s+(?:(?:not|\w+ly)\s+)?(?<participle>[A-Za-z]+)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PassivePattern();

    // Three or more words in capitals in a row (single acronyms such as "NHS" are fine).
    [GeneratedRegex(@"\b\p{Lu}{2,}(?:[\s,'’\-]+\p{Lu}{2,}){2,}\b")]
    private static partial Regex CapitalsRun();

    // Lines that start with an emoji, two or more in a row: a list made with emoji rather than list markup, which a
    // screen reader announces as loose lines with the emoji's name read out at each.
    private static IEnumerable<WritingFinding> EmojiBullets(IReadOnlyList<string> blocks)
    {
        var run = new List<string>();
        foreach (var block in blocks.Append(""))
        {
            if (StartsWithEmoji(block)) { run.Add(block); continue; }
            if (run.Count >= 2)
            {
                yield return WritingCheck.Finding(WritingCheck.EmojiBullets,
                    "These lines start with an emoji as a bullet. Use a bulleted list instead: screen readers read the emoji's name out on every line.",
                    string.Join(" / ", run));
            }
            run.Clear();
        }
    }

    internal static bool StartsWithEmoji(string text)
    {
        var trimmed = text.TrimStart();
        if (trimmed.Length == 0 || !Rune.TryGetRuneAt(trimmed, 0, out var rune)) return false;
        var v = rune.Value;
        return v is >= 0x1F300 and <= 0x1FAFF or >= 0x2600 and <= 0x27BF or >= 0x2B00 and <= 0x2BFF or >= 0x1F000 and <= 0x1F2FF
            || Rune.GetUnicodeCategory(rune) == UnicodeCategory.OtherSymbol && v > 0x2000;
    }

    private static string ExcerptAround(string block, string found)
    {
        var at = block.IndexOf(found, StringComparison.OrdinalIgnoreCase);
        if (at < 0 || block.Length <= Excerpts.MaxLength) return block;
        var start = Math.Max(0, at - 60);
        return (start > 0 ? "…" : "") + block[start..];
    }
}
