// Why: query_string and simple_query_string reach Lucene's own parsers, which recurse on parentheses and build
// regexp, wildcard and fuzzy queries themselves; the same limits as the DSL's own clauses are applied inside them.
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.QueryParsers.Simple;
using Lucene.Net.Search;
using Lucene.Net.Util;
using static OneDigital.Search.Queries.Limits.SearchLimits;

namespace OneDigital.Search.Queries.Limits;

internal static class QueryStringLimits
{
    /// <summary>Refuses text longer than the limit or nesting parentheses deeper than it (outside quotes and escapes).</summary>
    public static void Check(string text, string path)
    {
        if (text.Length > MaxQueryStringLength)
        {
            throw new SearchQueryException(path, $"the query text is {N(text.Length)} characters long; the limit ({QueryStringLengthName}) is {N(MaxQueryStringLength)}");
        }
        var depth = 0;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\\': i++; break;
                case '"': quoted = !quoted; break;
                case '(' when !quoted && ++depth > MaxQueryStringNesting:
                    throw new SearchQueryException(path, $"the query text nests parentheses deeper than {N(MaxQueryStringNesting)} ({QueryStringNestingName})");
                case ')' when !quoted: depth = Math.Max(0, depth - 1); break;
            }
        }
    }

    public static SearchQueryException TooManyClauses(string path) =>
        new(path, $"the query text makes more than {N(MaxClauseCount)} clauses ({ClauseCountName})");
}

/// <summary>Lucene's classic parser with the DSL's limits on the regexp, wildcard, prefix and fuzzy queries it makes.</summary>
internal sealed class LimitedQueryParser(string field, Analyzer analyzer, string path) : QueryParser(LuceneVersion.LUCENE_48, field, analyzer)
{
    protected override Query NewRegexpQuery(Term regexp) => PatternLimits.Regexp(regexp.Field, regexp.Text, path);

    protected override Query NewWildcardQuery(Term t) => PatternLimits.Wildcard(t.Field, t.Text, path);

    protected override Query NewPrefixQuery(Term prefix) => PatternLimits.Prefix(prefix.Field, prefix.Text, path);

    protected override Query NewFuzzyQuery(Term term, float minimumSimilarity, int prefixLength)
    {
        // As Lucene's parser does: term~2 is two edits, the old term~0.8 a similarity scaled by the term's length.
        var length = term.Text.EnumerateRunes().Count();
        var edits = minimumSimilarity >= 1
            ? (int)Math.Min(minimumSimilarity, Lucene.Net.Util.Automaton.LevenshteinAutomata.MAXIMUM_SUPPORTED_DISTANCE)
            : minimumSimilarity == 0 ? 0 : Math.Min((int)((1 - minimumSimilarity) * length), Lucene.Net.Util.Automaton.LevenshteinAutomata.MAXIMUM_SUPPORTED_DISTANCE);
        return PatternLimits.Fuzzy(term.Field, term.Text, edits, prefixLength, path);
    }
}

/// <summary>Lucene's simple parser with the same limits on the prefix and fuzzy queries it makes.</summary>
internal sealed class LimitedSimpleQueryParser(Analyzer analyzer, IDictionary<string, float> weights, string path) : SimpleQueryParser(analyzer, weights)
{
    protected override Query NewFuzzyQuery(string text, int fuzziness)
    {
        if (text.Length > MaxFuzzyTermLength) PatternLimits.Fuzzy("", text, 0, 0, path);
        return base.NewFuzzyQuery(text, fuzziness);
    }

    protected override Query NewPrefixQuery(string text)
    {
        if (text.Length > MaxPatternLength) PatternLimits.Prefix("", text, path);
        return base.NewPrefixQuery(text);
    }
}
