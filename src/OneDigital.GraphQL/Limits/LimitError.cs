using GraphQL.Validation;
using GraphQLParser.AST;

namespace OneDigital.GraphQL.Limits;

/// <summary>A limit's validation error: its message names the limit's configuration key and value.</summary>
internal static class LimitError
{
    public const string Code = "LIMIT_EXCEEDED";

    public static ValidationError Create(ValidationContext context, string message, ASTNode? node = null) => Create(context.Document, message, node);

    public static ValidationError Create(GraphQLDocument document, string message, ASTNode? node = null) =>
        node is null
            ? new ValidationError(document.Source, Code, message)
            : new ValidationError(document.Source, Code, message, node);

    public static string Describe(string key, object value) => $"the limit is {value} ({GraphQLLimits.Key(key)})";
}
