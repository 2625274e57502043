using GraphQL.Validation;
using OneDigital.GraphQL.Caching;

namespace OneDigital.GraphQL.Limits;

/// <summary>
/// GraphQL.NET's validator behind a cheap gate: repeated selections are merged, then the cost limits are checked
/// (complexity after the rules, as GraphQL.NET reports it only for an otherwise valid document), and only a document
/// within them reaches the full rule set (whose field-merging rule compares selections pairwise, so it
/// must never see an unbounded document). A document from the document cache passed all this already: only the
/// rules the endpoint passes for cached documents run, and the variables are coerced.
/// </summary>
internal sealed class CostFirstValidator(GraphQLOptions options, GraphQLLimits limits, IDocumentValidator inner, GraphQLDocumentCache? documents) : IDocumentValidator
{
    public Task<IValidationResult> ValidateAsync(in ValidationOptions validation)
    {
        if (documents is not null && documents.IsValidated(validation.Document))
        {
            return inner.ValidateAsync(validation);
        }
        RepeatedSelections.Merge(validation.Document);
        validation.Schema.Initialize();
        var errors = CostLimits.Check(validation.Document, validation.Schema, options, limits, out var complexityError);
        if (errors.Count > 0)
        {
            return Task.FromResult<IValidationResult>(new ValidationResult(errors));
        }
        var validating = inner.ValidateAsync(validation);
        return complexityError is null ? validating : RefuseIfValidAsync(validating, complexityError);
    }

    /// <summary>A document with other errors gets those; a valid one that is too complex gets the complexity error.</summary>
    private static async Task<IValidationResult> RefuseIfValidAsync(Task<IValidationResult> validating, ValidationError complexityError)
    {
        var result = await validating;
        return result.IsValid ? new ValidationResult([complexityError]) : result;
    }
}
