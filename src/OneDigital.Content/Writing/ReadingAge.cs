namespace OneDigital.Content.Writing;

/// <summary>
/// The Flesch-Kincaid grade level (Kincaid, Fishburne, Rogers and Chissom, 1975):
/// <c>grade = 0.39 × (words ÷ sentences) + 11.8 × (syllables ÷ words) − 15.59</c>, a US school grade. UK readers
/// think in ages, and a US grade is the age minus five (grade 1 is about age 6), so <c>reading age = grade + 5</c>.
/// GOV.UK writes for a reading age of about 9.
/// </summary>
public static class ReadingAge
{
    public const string FormulaName = "Flesch-Kincaid grade level + 5";
    public const string Formula = "reading age = 0.39 × (words ÷ sentences) + 11.8 × (syllables ÷ words) − 15.59 + 5";

    public static double FleschKincaidGrade(int words, int sentences, int syllables)
    {
        if (words <= 0 || sentences <= 0) throw new ArgumentOutOfRangeException(nameof(words), "There must be at least one word and one sentence.");
        return 0.39 * ((double)words / sentences) + 11.8 * ((double)syllables / words) - 15.59;
    }

    /// <summary>The grade as an age; never below 5, the age the scale starts from.</summary>
    public static double FromGrade(double grade) => Math.Max(5, grade + 5);
}
