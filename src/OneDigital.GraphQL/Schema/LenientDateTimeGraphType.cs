using System.Globalization;
using GraphQL.Types;
using GraphQLParser.AST;

namespace OneDigital.GraphQL.Schema;

/// <summary>
/// The DateTime scalar, also accepting the partial dates Orchard's documentation filters with
/// (<c>publishedUtc_gt: "2018"</c>, <c>"2018-05"</c>); dates without a zone are UTC.
/// </summary>
internal sealed class LenientDateTimeGraphType : DateTimeGraphType
{
    public LenientDateTimeGraphType() => Name = "DateTime";

    public override object? ParseLiteral(GraphQLValue value) =>
        value is GraphQLStringValue s && Partial((string)s.Value) is { } date ? date : base.ParseLiteral(value);

    public override object? ParseValue(object? value) =>
        value is string s && Partial(s) is { } date ? date : base.ParseValue(value);

    public override bool CanParseLiteral(GraphQLValue value) =>
        (value is GraphQLStringValue s && Partial((string)s.Value) is not null) || base.CanParseLiteral(value);

    public override bool CanParseValue(object? value) =>
        (value is string s && Partial(s) is not null) || base.CanParseValue(value);

    private static DateTime? Partial(string text) =>
        DateTime.TryParseExact(text.Trim(), ["yyyy", "yyyy-MM", "yyyy-MM-dd"], CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date) ? date : null;
}
