using OneDigital.Content.Querying;

namespace OneDigital.GraphQL.Filters;

/// <summary>
/// Orchard's filter suffixes (<c>displayText_contains</c>, <c>publishedUtc_gt</c>...) and the conditions they make in
/// Content's filter model.
/// Text matching other than equality ignores case, as Orchard's SQL LIKE does on its default collations.
/// </summary>
internal static class FilterOperators
{
    public static readonly string[] Identity = ["", "not", "in", "not_in"];
    public static readonly string[] Text = [.. Identity, "contains", "not_contains", "starts_with", "not_starts_with", "ends_with", "not_ends_with"];
    public static readonly string[] Ordered = [.. Identity, "gt", "gte", "lt", "lte"];
    public static readonly string[] Equality = ["", "not"];

    public static string Name(string field, string op) => op.Length == 0 ? field : $"{field}_{op}";

    /// <summary>The description of a generated filter field.</summary>
    public static string Describe(string subject, string op) => op switch
    {
        "" => $"{subject} is equal to",
        "not" => $"{subject} is not equal to",
        "in" => $"{subject} is one of",
        "not_in" => $"{subject} is none of",
        "contains" => $"{subject} contains (ignoring case)",
        "not_contains" => $"{subject} does not contain (ignoring case)",
        "starts_with" => $"{subject} starts with (ignoring case)",
        "not_starts_with" => $"{subject} does not start with (ignoring case)",
        "ends_with" => $"{subject} ends with (ignoring case)",
        "not_ends_with" => $"{subject} does not end with (ignoring case)",
        "gt" => $"{subject} is greater than",
        "gte" => $"{subject} is greater than or equal to",
        "lt" => $"{subject} is less than",
        "lte" => $"{subject} is less than or equal to",
        _ => subject,
    };

    /// <summary>Splits a negated operator into its positive form: <c>not_in</c> → (<c>in</c>, true).</summary>
    public static (string Positive, bool Negated) Split(string op) => op switch
    {
        "not" => ("", true),
        _ when op.StartsWith("not_", StringComparison.Ordinal) => (op[4..], true),
        _ => (op, false),
    };

    /// <summary>The condition an operator makes: the positive comparison, in a NOT when the operator is negated.</summary>
    public static ContentFilter Apply(string op, Func<FilterOperator, ContentFilter> compare)
    {
        var (positive, negated) = Split(op);
        var comparison = compare(Positive(positive));
        return negated ? new ContentFilter.Not(comparison) : comparison;
    }

    private static FilterOperator Positive(string op) => op switch
    {
        "" => FilterOperator.Equal,
        "in" => FilterOperator.In,
        "contains" => FilterOperator.Contains,
        "starts_with" => FilterOperator.StartsWith,
        "ends_with" => FilterOperator.EndsWith,
        "gt" => FilterOperator.GreaterThan,
        "gte" => FilterOperator.GreaterThanOrEqual,
        "lt" => FilterOperator.LessThan,
        "lte" => FilterOperator.LessThanOrEqual,
        _ => throw new InvalidOperationException($"Unknown filter operator '{op}'."),
    };
}
