namespace OneDigital.Content.Writing;

/// <summary>
/// An estimate of the syllables in an English word, good enough for a reading age (a dictionary would be exact, but
/// names and new words are not in one). The heuristic: count groups of vowels (a e i o u y); a final silent "e" does
/// not count ("make"), but "-le" after a consonant does ("table"); "-ed" and "-es" endings are silent unless after
/// t/d ("wanted") or s/x/z/ch/sh/g/c ("boxes"); "ia" is two syllables ("Australian") except after c, s, t or g
/// ("social", "Asia"). Every word has at least one.
/// </summary>
public static class Syllables
{
    public static int Count(string word)
    {
        var w = new string(word.Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray());
        if (w.Length == 0) return 0;
        if (w.Length <= 3) return 1;

        var count = 0;
        var inVowels = false;
        for (var i = 0; i < w.Length; i++)
        {
            var vowel = IsVowel(w[i], i);
            if (vowel && !inVowels) count++;
            inVowels = vowel;
        }
        for (var i = 1; i + 1 < w.Length; i++)
        {
            if (w[i] == 'i' && w[i + 1] == 'a' && w[i - 1] is not ('c' or 's' or 't' or 'g')) count++;
        }

        if (w.EndsWith('e') && !w.EndsWith("ee", StringComparison.Ordinal) && !w.EndsWith("ye", StringComparison.Ordinal) && !(w.EndsWith("le", StringComparison.Ordinal) && !IsVowel(w[^3], w.Length - 3))) count--;
        else if (w.EndsWith("ed", StringComparison.Ordinal) && w[^3] is not ('t' or 'd') && !IsVowel(w[^3], w.Length - 3)) count--;
        else if (w.EndsWith("es", StringComparison.Ordinal) && !w.EndsWith("ches", StringComparison.Ordinal) && !w.EndsWith("shes", StringComparison.Ordinal) && w[^3] is not ('s' or 'x' or 'z' or 'g' or 'c') && !IsVowel(w[^3], w.Length - 3)) count--;

        return Math.Max(1, count);
    }

    // A leading "y" is a consonant ("yes"); elsewhere it sounds as a vowel ("happy", "hybrid").
    private static bool IsVowel(char c, int index) => c is 'a' or 'e' or 'i' or 'o' or 'u' || (c == 'y' && index > 0);
}
