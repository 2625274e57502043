using GraphQL.Types;

namespace OneDigital.GraphQL.Schema;

/// <summary>One instance of each scalar per schema, shared by every field that uses it.</summary>
internal sealed class SchemaScalars
{
    public StringGraphType String { get; } = new();
    public IdGraphType Id { get; } = new();
    public IntGraphType Int { get; } = new();
    public BooleanGraphType Boolean { get; } = new();
    public DecimalGraphType Decimal { get; } = new();
    public DateTimeGraphType DateTime { get; } = new LenientDateTimeGraphType();
    public DateGraphType Date { get; } = new();

    public NonNullGraphType NonNull(IGraphType type) => new(type);

    public ListGraphType List(IGraphType type) => new(type);
}
