// Why: a regexp, wildcard, prefix or fuzzy term is checked against SearchLimits before any Lucene query object is
// made (Lucene compiles the automaton in the constructor), and the construction itself runs on a thread with a
// deep stack, because a stack overflow in Lucene's recursive automaton code would end the process.
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util.Automaton;
using static OneDigital.Search.Queries.Limits.SearchLimits;

namespace OneDigital.Search.Queries.Limits;

/// <summary>Builds pattern and fuzzy queries once they are known to fit the limits; errors name the JSON path and the limit.</summary>
internal static class PatternLimits
{
    // Lucene recurses once per state of a finite automaton (SpecialOperations.IsFinite); 10,000 states need ~3 MB.
    private const int StackBytes = 64 * 1024 * 1024;

    public static RegexpQuery Regexp(string field, string pattern, string path)
    {
        if (pattern.Length > MaxRegexLength)
        {
            throw new SearchQueryException(path, $"the regexp is {N(pattern.Length)} characters long; the limit ({RegexLengthName}) is {N(MaxRegexLength)}");
        }
        int? states;
        try
        {
            states = AutomatonSize.OfRegexp(pattern, MaxDeterminizedStates, MaxRegexNesting);
        }
        catch (BoundTooLargeException ex)
        {
            throw new SearchQueryException(path,
                $"the repetition {ex.What} bound {ex.Value} is larger than the regexp can be ({DeterminizedStatesName} is {N(MaxDeterminizedStates)})");
        }
        catch (FormatException ex) when (ex.Message.Contains("nested", StringComparison.Ordinal))
        {
            throw new SearchQueryException(path, $"the regexp has {ex.Message}; the limit ({RegexNestingName}) is {N(MaxRegexNesting)}");
        }
        catch (FormatException ex)
        {
            throw new SearchQueryException(path, $"'{Short(pattern)}' is not a valid regexp ({ex.Message})");
        }
        if (states is null)
        {
            throw new SearchQueryException(path, $"the regexp is too complex: it needs more than {N(MaxDeterminizedStates)} automaton states ({DeterminizedStatesName})");
        }
        return Build(() => new RegexpQuery(new Term(field, pattern), RegExpSyntax.ALL), pattern, "regexp", path);
    }

    public static WildcardQuery Wildcard(string field, string pattern, string path)
    {
        if (pattern.Length > MaxPatternLength)
        {
            throw new SearchQueryException(path, $"the wildcard is {N(pattern.Length)} characters long; the limit ({PatternLengthName}) is {N(MaxPatternLength)}");
        }
        if (AutomatonSize.OfWildcard(pattern, MaxDeterminizedStates) is null)
        {
            throw new SearchQueryException(path, $"the wildcard is too complex: it needs more than {N(MaxDeterminizedStates)} automaton states ({DeterminizedStatesName})");
        }
        return Build(() => new WildcardQuery(new Term(field, pattern)), pattern, "wildcard", path);
    }

    public static PrefixQuery Prefix(string field, string prefix, string path) =>
        prefix.Length <= MaxPatternLength
            ? new PrefixQuery(new Term(field, prefix))
            : throw new SearchQueryException(path, $"the prefix is {N(prefix.Length)} characters long; the limit ({PatternLengthName}) is {N(MaxPatternLength)}");

    public static FuzzyQuery Fuzzy(string field, string term, int edits, int prefixLength, string path) =>
        term.Length <= MaxFuzzyTermLength
            ? new FuzzyQuery(new Term(field, term), edits, prefixLength)
            : throw new SearchQueryException(path, $"the fuzzy term is {N(term.Length)} characters long; the limit ({FuzzyTermLengthName}) is {N(MaxFuzzyTermLength)}");

    private static T Build<T>(Func<T> create, string pattern, string type, string path) where T : class
    {
        T? query = null;
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try { query = create(); }
            catch (Exception ex) { error = ex; }
        }, StackBytes) { IsBackground = true, Name = "Lucene automaton" };
        thread.Start();
        thread.Join();
        return error switch
        {
            null => query!,
            ArgumentException or FormatException or InvalidOperationException => throw new SearchQueryException(path, $"'{Short(pattern)}' is not a valid {type} ({error.Message})"),
            _ => throw new SearchQueryException(path, $"'{Short(pattern)}' cannot be searched ({error.GetType().Name}: {error.Message})"),
        };
    }

    private static string Short(string text) => text.Length > 60 ? text[..57] + "..." : text;
}
