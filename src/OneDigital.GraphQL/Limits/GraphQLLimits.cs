using Microsoft.Extensions.Configuration;

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

    public static GraphQLLimits Read(IConfiguration configuration)
    {
        var limits = new GraphQLLimits();
        configuration.GetSection(GraphQLOptions.Section).Bind(limits);
        return limits;
    }

    internal static string Key(string name) => $"{GraphQLOptions.Section}:{name}";
}
