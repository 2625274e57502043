// Why: every request a partner sends is bounded before Lucene sees it; the limits live in one place with the names
// errors quote, so a refused query says which limit it met (Elasticsearch's names where it has one).
namespace OneDigital.Search.Queries.Limits;

/// <summary>The bounds on a Lucene DSL query, named as errors name them.</summary>
public static class SearchLimits
{
    /// <summary>Characters in a regexp (Elasticsearch's <c>index.max_regex_length</c>).</summary>
    public const int MaxRegexLength = 1000;

    /// <summary>States of a regexp's or wildcard's automaton once determinized (Elasticsearch's default).</summary>
    public const int MaxDeterminizedStates = 10_000;

    /// <summary>Nested groups, complements and repetitions in a regexp (Lucene's parser and builder recurse on them).</summary>
    public const int MaxRegexNesting = 100;

    /// <summary>Characters in a prefix or wildcard pattern.</summary>
    public const int MaxPatternLength = 1000;

    /// <summary>Characters in a fuzzy term: the Levenshtein automata grow with it (no token of the standard analyzers is longer).</summary>
    public const int MaxFuzzyTermLength = 255;

    /// <summary>Clauses of one bool query, values of one terms query, terms of one parsed query string (Lucene's BooleanQuery.MaxClauseCount).</summary>
    public const int MaxClauseCount = 1024;

    /// <summary>Clauses and values in a whole query, however they are nested.</summary>
    public const int MaxTotalClauses = 10_000;

    /// <summary>Characters in a query_string or simple_query_string.</summary>
    public const int MaxQueryStringLength = 10_000;

    /// <summary>Nested parentheses in a query_string or simple_query_string (their parsers recurse on them).</summary>
    public const int MaxQueryStringNesting = 100;

    /// <summary>The largest boost; larger ones (and infinities) break scoring.</summary>
    public const float MaxBoost = 1_000_000f;

    internal const string RegexLengthName = "max_regex_length";
    internal const string DeterminizedStatesName = "max_determinized_states";
    internal const string RegexNestingName = "max_regex_nesting";
    internal const string PatternLengthName = "max_pattern_length";
    internal const string FuzzyTermLengthName = "max_fuzzy_term_length";
    internal const string ClauseCountName = "max_clause_count";
    internal const string TotalClausesName = "max_total_clauses";
    internal const string QueryStringLengthName = "max_query_string_length";
    internal const string QueryStringNestingName = "max_query_string_nesting";
    internal const string BoostName = "max_boost";

    /// <summary>"1,000" — numbers in messages read the same everywhere.</summary>
    internal static string N(long n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
