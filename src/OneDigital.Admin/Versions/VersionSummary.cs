// Why: a history is read as "what did each save change?"; a line per version says it in the fields' names, from the
// same diff the compare page shows, so the two never disagree.
using OneDigital.Content.Items;
using OneDigital.Content.Versions;

namespace OneDigital.Admin.Versions;

public static class VersionSummary
{
    private const int Shown = 3;

    /// <summary>"Changed: TitlePart › Title, Body › Text and 2 more" for the step from <paramref name="previous"/> (null: the first version).</summary>
    public static string Describe(ContentItem? previous, ContentItem version)
    {
        if (previous is null)
        {
            return "First version";
        }
        var fields = VersionDiff.Compare(previous, version)
            .Select(c => string.Join(VersionDiff.Separator, c.Path.Split(VersionDiff.Separator).Take(2)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (fields.Count == 0)
        {
            return "No content changed";
        }
        var text = "Changed: " + string.Join(", ", fields.Take(Shown));
        return fields.Count > Shown ? $"{text} and {fields.Count - Shown} more" : text;
    }
}
