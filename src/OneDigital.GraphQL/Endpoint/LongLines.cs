namespace OneDigital.GraphQL.Endpoint;

/// <summary>
/// Breaks long lines of a GraphQL document before it is parsed. The parser's error message pads the error's column
/// one string concatenation at a time, so a syntax error 45,000 characters into one line (a minified document) takes
/// seconds to describe. Whitespace and commas outside strings and comments mean nothing to GraphQL, so turning one into
/// a newline changes no token and no character offset, only line and column numbers. A single token too long to break
/// is refused instead.
/// </summary>
internal static class LongLines
{
    /// <summary>Where a line is broken at the next whitespace or comma.</summary>
    public const int BreakAfter = 1000;

    /// <summary>The longest unbreakable run (a string, a name) accepted; describing an error after it stays cheap.</summary>
    public const int MaxUnbroken = 10_000;

    /// <summary>The document with long lines broken, or null when a run without any place to break is longer than <see cref="MaxUnbroken"/>.</summary>
    public static string? Break(string query)
    {
        if (!HasLineLongerThan(query, BreakAfter))
        {
            return query;
        }
        var text = query.ToCharArray();
        var column = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is '\n' or '\r')
            {
                column = 0;
                i++;
                continue;
            }
            if (c == '#')
            {
                while (i < text.Length && text[i] is not ('\n' or '\r'))
                {
                    i++;
                    column++;
                }
            }
            else if (c == '"')
            {
                var end = StringEnd(text, i);
                // A block string may hold newlines; the column after it counts from its last one.
                var lastNewline = Array.FindLastIndex(text, end - 1, end - i, ch => ch is '\n' or '\r');
                column = lastNewline >= 0 ? end - lastNewline - 1 : column + (end - i);
                i = end;
            }
            else
            {
                if (c is ' ' or '\t' or ',' && column >= BreakAfter)
                {
                    text[i] = '\n';
                    column = 0;
                }
                else
                {
                    column++;
                }
                i++;
            }
            if (column > MaxUnbroken)
            {
                return null;
            }
        }
        return new string(text);
    }

    private static bool HasLineLongerThan(string query, int length)
    {
        var column = 0;
        foreach (var c in query)
        {
            column = c is '\n' or '\r' ? 0 : column + 1;
            if (column > length)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Just past the string starting at <paramref name="start"/> (a block string, or one ended by a quote or a line break).</summary>
    private static int StringEnd(char[] text, int start)
    {
        var block = start + 2 < text.Length && text[start + 1] == '"' && text[start + 2] == '"';
        var i = start + (block ? 3 : 1);
        while (i < text.Length)
        {
            if (block)
            {
                if (text[i] == '\\' && i + 3 < text.Length && text[i + 1] == '"' && text[i + 2] == '"' && text[i + 3] == '"')
                {
                    i += 4;
                    continue;
                }
                if (text[i] == '"' && i + 2 < text.Length && text[i + 1] == '"' && text[i + 2] == '"')
                {
                    return i + 3;
                }
            }
            else
            {
                if (text[i] == '\\')
                {
                    i += 2;
                    continue;
                }
                if (text[i] is '"' or '\n' or '\r')
                {
                    return text[i] == '"' ? i + 1 : i;
                }
            }
            i++;
        }
        return text.Length;
    }
}
