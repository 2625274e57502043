namespace OneDigital.GraphQL.Limits;

/// <summary>
/// The endpoint's limits that Orchard does not have, from the same configuration section as <see cref="GraphQLOptions"/>
/// (<c>OneDigital:GraphQL</c>), which holds Orchard's (MaxDepth, MaxComplexity, FieldImpact, MaxNumberOfResults,
/// MaxNumberOfResultsValidationMode, ExposeExceptions). A limit set to 0 is off.
/// </summary>
public sealed class GraphQLLimits
{
    /// <summary>Most aliased fields in one document.</summary>
    public int MaxAliases { get; set; } = 30;

    /// <summary>Most operations (query, mutation) in one document.</summary>
    public int MaxOperations { get; set; } = 5;

    /// <summary>Largest request: body bytes for POST, query string characters for GET.</summary>
    public int MaxRequestBytes { get; set; } = 100_000;

    /// <summary>
    /// Most fields a request may resolve once its fragments are expanded (repeated identical selections count once).
    /// GraphiQL's full introspection query resolves about 250.
    /// </summary>
    public int MaxFields { get; set; } = 1000;

    /// <summary>
    /// Most fields with one response name and arguments or sub-selections in one selection set, fragments included,
    /// once identical repeats are merged: GraphQL's validation compares each pair of them, so hundreds cost seconds.
    /// </summary>
    public int MaxFieldRepeats { get; set; } = 20;

    /// <summary>
    /// Most introspection list fields (types, fields, args...) nested under <c>__schema</c> or <c>__type</c>: each one
    /// multiplies the answer by the schema's size. The standard introspection query nests 3 (types, fields, args).
    /// </summary>
    public int MaxIntrospectionLists { get; set; } = 3;

    /// <summary>How long one request may execute; the client going away ends it sooner. Zero or less: no budget.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(10);

    internal static string Key(string name) => $"{GraphQLOptions.Section}:{name}";
}
