using System.Collections;
using System.Globalization;
using System.Linq.Expressions;

namespace OneDigital.GraphQL.Filters;

/// <summary>
/// Orchard's filter suffixes (<c>displayText_contains</c>, <c>publishedUtc_gt</c>...) and the expressions they make.
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

    /// <summary>The positive comparison of <paramref name="subject"/> (string, DateTime?, double?, bool?) with a value.</summary>
    public static Expression Compare(Expression subject, string positiveOp, object value)
    {
        var type = subject.Type;
        if (positiveOp == "in")
        {
            var list = ConvertList(value, type);
            var contains = typeof(Enumerable).GetMethods().Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2)
                .MakeGenericMethod(type);
            return Expression.Call(contains, Parameter(list, list.GetType()), subject);
        }
        var converted = Convert(value, type);
        var constant = Parameter(converted, type);
        switch (positiveOp)
        {
            case "":
                return Expression.Equal(subject, constant);
            case "gt":
                return Expression.GreaterThan(subject, constant);
            case "gte":
                return Expression.GreaterThanOrEqual(subject, constant);
            case "lt":
                return Expression.LessThan(subject, constant);
            case "lte":
                return Expression.LessThanOrEqual(subject, constant);
            case "contains" or "starts_with" or "ends_with":
                var lowered = Parameter(((string)converted!).ToLowerInvariant(), typeof(string));
                var method = positiveOp switch
                {
                    "contains" => nameof(string.Contains),
                    "starts_with" => nameof(string.StartsWith),
                    _ => nameof(string.EndsWith),
                };
                var lower = Expression.Call(subject, typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!);
                return Expression.AndAlso(
                    Expression.NotEqual(subject, Expression.Constant(null, typeof(string))),
                    Expression.Call(lower, typeof(string).GetMethod(method, [typeof(string)])!, lowered));
            default:
                throw new InvalidOperationException($"Unknown filter operator '{positiveOp}'.");
        }
    }

    /// <summary>A comparison with its negation applied.</summary>
    public static Expression Apply(Expression subject, string op, object value)
    {
        var (positive, negated) = Split(op);
        var comparison = Compare(subject, positive, value);
        return negated ? Expression.Not(comparison) : comparison;
    }

    // A captured value, so the database sees a parameter and reuses its plan.
    private static Expression Parameter(object? value, Type type)
    {
        var boxType = typeof(Box<>).MakeGenericType(type);
        var box = Activator.CreateInstance(boxType, value)!;
        return Expression.Property(Expression.Constant(box), "Value");
    }

    private sealed class Box<T>(T value)
    {
        public T Value { get; } = value;
    }

    private static object ConvertList(object value, Type itemType)
    {
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
        foreach (var item in value as IEnumerable ?? new[] { value })
        {
            if (item is not null) list.Add(Convert(item, itemType));
        }
        return list;
    }

    private static object? Convert(object value, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return value switch
        {
            _ when target == typeof(string) => System.Convert.ToString(value, CultureInfo.InvariantCulture),
            DateTime d when target == typeof(DateTime) => d.Kind == DateTimeKind.Local ? d.ToUniversalTime() : DateTime.SpecifyKind(d, DateTimeKind.Utc),
            DateTimeOffset o when target == typeof(DateTime) => o.UtcDateTime,
            string s when target == typeof(DateTime) => DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
            _ when target == typeof(double) => System.Convert.ToDouble(value, CultureInfo.InvariantCulture),
            _ when target == typeof(bool) => System.Convert.ToBoolean(value, CultureInfo.InvariantCulture),
            _ => value,
        };
    }
}
