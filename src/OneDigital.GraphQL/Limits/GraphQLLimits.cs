using Microsoft.Extensions.Configuration;

namespace OneDigital.GraphQL.Limits;

/// <summary>What Orchard's <c>MaxNumberOfResultsValidationMode</c> means here.</summary>
public enum MaxNumberOfResultsValidationMode
{
    /// <summary>Same as <see cref="Enabled"/>: partners get a clear error rather than a silently shortened list.</summary>
    Default,
    /// <summary><c>first</c>/<c>last</c> above the maximum is a validation error.</summary>
    Enabled,
    /// <summary><c>first</c>/<c>last</c> above the maximum is lowered to the maximum (and logged).</summary>
    Disabled,
}

/// <summary>
/// The endpoint's limits, from configuration section <c>OneDigital:GraphQL</c> (key names as Orchard's
/// <c>OrchardCore_Apis_GraphQL</c> where Orchard has one). A limit set to 0 or left empty where it may be is off.
/// </summary>
public sealed class GraphQLLimits
{
    public const string Section = "OneDigital:GraphQL";

    /// <summary>Deepest field nesting in the selected operation, fragments included; introspection fields are not counted.</summary>
    public int MaxDepth { get; set; } = 20;

    /// <summary>Largest total complexity (GraphQL.NET's analysis); null for none. Introspection fields cost nothing.</summary>
    public int? MaxComplexity { get; set; }

    /// <summary>How many times a list field multiplies the cost of what is selected under it (GraphQL.NET's default, 5, when null).</summary>
    public double? FieldImpact { get; set; }

    /// <summary>Largest <c>first</c>/<c>last</c> argument on any field.</summary>
    public int MaxNumberOfResults { get; set; } = 1000;

    public MaxNumberOfResultsValidationMode MaxNumberOfResultsValidationMode { get; set; }

    /// <summary>Most aliased fields in one document.</summary>
    public int MaxAliases { get; set; } = 30;

    /// <summary>Most operations (query, mutation) in one document.</summary>
    public int MaxOperations { get; set; } = 5;

    /// <summary>Largest request: body bytes for POST, query string characters for GET.</summary>
    public int MaxRequestBytes { get; set; } = 100_000;

    /// <summary>Exception messages and stack traces in error responses; null means only in Development.</summary>
    public bool? ExposeExceptions { get; set; }

    public static GraphQLLimits Read(IConfiguration configuration)
    {
        var limits = new GraphQLLimits();
        configuration.GetSection(Section).Bind(limits);
        return limits;
    }

    internal static string Key(string name) => $"{Section}:{name}";
}
