namespace OneDigital.Content.Writing;

/// <summary>What the reading-age estimate rests on. <see cref="ReadingAge"/> is null for a body without a sentence.</summary>
public sealed record ProseStatistics(
    int Words,
    int Sentences,
    int Syllables,
    double? Grade,
    double? ReadingAge,
    double AverageSentenceLength,
    IReadOnlyList<string> LongestSentences)
{
    public static readonly ProseStatistics Empty = new(0, 0, 0, null, null, 0, []);

    internal static ProseStatistics Of(ProseText prose, int longest = 3)
    {
        var sentenceWords = prose.Sentences.Select(s => (Sentence: s, Words: ProseText.Words(s))).ToArray();
        var words = sentenceWords.Sum(s => s.Words.Count);
        if (words == 0) return Empty;
        var syllables = sentenceWords.Sum(s => s.Words.Sum(Writing.Syllables.Count));
        var grade = Writing.ReadingAge.FleschKincaidGrade(words, sentenceWords.Length, syllables);
        return new ProseStatistics(
            words,
            sentenceWords.Length,
            syllables,
            Math.Round(grade, 1),
            Math.Round(Writing.ReadingAge.FromGrade(grade), 1),
            Math.Round((double)words / sentenceWords.Length, 1),
            sentenceWords.OrderByDescending(s => s.Words.Count).Take(longest).Select(s => Excerpts.Shorten(s.Sentence)).ToArray());
    }
}
