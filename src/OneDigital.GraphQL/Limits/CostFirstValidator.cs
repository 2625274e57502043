using GraphQL.Validation;

namespace OneDigital.GraphQL.Limits;

/// <summary>
/// GraphQL.NET's validator behind a cheap gate: repeated selections are merged, then the cost limits are checked, and
/// only a document within them reaches the full rule set (whose field-merging rule compares selections pairwise, so it
/// must never see an unbounded document).
/// </summary>
internal sealed class CostFirstValidator(GraphQLOptions options, GraphQLLimits limits, IDocumentValidator inner) : IDocumentValidator
{
    public Task<IValidationResult> ValidateAsync(in ValidationOptions validation)
    {
        RepeatedSelections.Merge(validation.Document);
        validation.Schema.Initialize();
        var errors = CostLimits.Check(validation.Document, validation.Schema, options, limits);
        return errors.Count > 0
            ? Task.FromResult<IValidationResult>(new ValidationResult(errors))
            : inner.ValidateAsync(validation);
    }
}
