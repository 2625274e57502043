using System.Globalization;
using System.Text;

namespace OneDigital.Content.Liquid;

/// <summary>URL slugs as Orchard's slugify makes them: lower case, accents dropped, words joined by hyphens.</summary>
public static class Slug
{
    public const int MaxLength = 1000;

    public static string From(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingHyphen = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                if (pendingHyphen && builder.Length > 0) builder.Append('-');
                pendingHyphen = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingHyphen = true;
            }
        }
        var slug = builder.ToString().Normalize(NormalizationForm.FormC);
        return slug.Length > MaxLength ? slug[..MaxLength] : slug;
    }
}
