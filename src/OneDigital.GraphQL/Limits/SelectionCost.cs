namespace OneDigital.GraphQL.Limits;

/// <summary>
/// What a selection set costs once its fragments are expanded. Every measure is free of context (it does not depend on
/// where the set is used), so a fragment's cost is worked out once and reused at each spread.
/// </summary>
/// <param name="Fields">Fields the set would resolve (saturating, never overflowing).</param>
/// <param name="Depth">Nesting of fields, introspection fields not counted (they have their own limit).</param>
/// <param name="ListNames">The most introspection list fields (<c>types</c>, <c>fields</c>, <c>args</c>...) on one path.</param>
/// <param name="IntrospectionLists">The most introspection lists nested under one <c>__schema</c> or <c>__type</c>.</param>
/// <param name="Complexity">Orchard's complexity: each field 1, a list's children times its <c>first</c> (or the default multiplier).</param>
internal readonly record struct SelectionCost(long Fields, int Depth, int ListNames, int IntrospectionLists, double Complexity)
{
    /// <summary>Far above any limit, far below overflow: sums of two stay exact enough to compare.</summary>
    public const long FieldCeiling = 1L << 60;

    public static long Add(long a, long b) => Math.Min(FieldCeiling, a + b);

    /// <summary>Two selections side by side: counts add up, depths take the deeper.</summary>
    public SelectionCost Beside(SelectionCost other) => new(
        Add(Fields, other.Fields),
        Math.Max(Depth, other.Depth),
        Math.Max(ListNames, other.ListNames),
        Math.Max(IntrospectionLists, other.IntrospectionLists),
        Complexity + other.Complexity);
}
