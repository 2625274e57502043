using System.Collections.Concurrent;

namespace OneDigital.Content.Html;

/// <summary>
/// The results of a pure HTML transformation (sanitizing, rendering markdown) by input. Each call parses the whole
/// body (AngleSharp, Markdig), and an uncached GraphQL list returns the same bodies on every request, so each item's
/// body cost more than the rest of its fields. Bounded by the characters kept: when full it starts afresh rather
/// than tracking which entries are used.
/// </summary>
internal sealed class HtmlMemo(Func<string, string> transform, long maxChars)
{
    private ConcurrentDictionary<string, string> _results = new(StringComparer.Ordinal);
    private long _chars;

    public string Get(string input)
    {
        var results = _results;
        if (results.TryGetValue(input, out var output)) return output;
        output = transform(input);
        var size = input.Length + output.Length;
        if (size > maxChars / 16) return output;
        if (Interlocked.Add(ref _chars, size) > maxChars)
        {
            // Two threads may both start afresh; either way the memo stays within about twice its bound.
            results = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
            _results = results;
            Interlocked.Exchange(ref _chars, size);
        }
        results.TryAdd(input, output);
        return output;
    }
}
