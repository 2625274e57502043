namespace OneDigital.Content.Writing;

internal static class Excerpts
{
    public const int MaxLength = 160;

    /// <summary>Whitespace collapsed, cut at a word near <see cref="MaxLength"/> with an ellipsis.</summary>
    public static string Shorten(string text)
    {
        var collapsed = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (collapsed.Length <= MaxLength) return collapsed;
        var cut = collapsed.LastIndexOf(' ', MaxLength - 1);
        return collapsed[..(cut > MaxLength / 2 ? cut : MaxLength - 1)] + "…";
    }
}
