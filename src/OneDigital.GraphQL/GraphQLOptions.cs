namespace OneDigital.GraphQL;

/// <summary>
/// The <c>OneDigital:GraphQL</c> settings, named and defaulted as Orchard's <c>OrchardCore_Apis_GraphQL</c> section
/// so an Orchard site's values carry over.
/// </summary>
public sealed class GraphQLOptions
{
    public const string Section = "OneDigital:GraphQL";

    /// <summary>Items a list field returns when its <c>first</c> argument is absent or 0.</summary>
    public int DefaultNumberOfResults { get; set; } = 100;

    /// <summary>The largest <c>first</c> a list field accepts (enforced by the endpoint's validation rules).</summary>
    public int MaxNumberOfResults { get; set; } = 1000;

    /// <summary>Orchard's <c>MaxNumberOfResultsValidationMode</c>: Enabled = error, Disabled = clamp, Default = error in Development, clamp otherwise.</summary>
    public MaxNumberOfResultsValidationMode MaxNumberOfResultsValidationMode { get; set; } = MaxNumberOfResultsValidationMode.Default;

    /// <summary>Maximum nesting depth of a query.</summary>
    public int MaxDepth { get; set; } = 20;

    /// <summary>Maximum complexity of a query; none when null.</summary>
    public int? MaxComplexity { get; set; }

    /// <summary>Complexity each field adds; GraphQL.NET's default when null.</summary>
    public double? FieldImpact { get; set; }

    /// <summary>Beyond Orchard: how deeply a <c>where</c> argument may nest inputs (AND/OR/NOT, part and field inputs).</summary>
    public int MaxFilterDepth { get; set; } = 10;

    /// <summary>Beyond Orchard: most conditions one <c>where</c> argument may hold; each becomes SQL the store must plan.</summary>
    public int MaxFilterTerms { get; set; } = 100;

    /// <summary>Whether error messages carry exception details; defaults to true in Development only.</summary>
    public bool? ExposeExceptions { get; set; }
}

public enum MaxNumberOfResultsValidationMode
{
    Default,
    Enabled,
    Disabled,
}
