using GraphQL;
using GraphQL.Execution;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace OneDigital.GraphQL.Endpoint;

/// <summary>
/// Parses the query once, before the cache and the executer see it, so a document the parser refuses is a 400 with a
/// message: a syntax error as GraphQL.NET words it, a document nested past the parser's depth (which exists so deep
/// nesting cannot overflow the stack) naming that limit. Long lines are broken first (<see cref="LongLines"/>), so
/// describing an error never takes long; the text parsed is returned for the cache and the executer to use.
/// </summary>
internal static class DocumentParser
{
    /// <summary>The parser's own limit, in syntax nodes (a field inside a selection set is two): GraphQL.NET's default.</summary>
    public const int MaxSyntaxDepth = 128;

    public static (GraphQLDocument? Document, string Text, ExecutionError? Error) Parse(string query)
    {
        if (LongLines.Break(query) is not { } text)
        {
            return (null, query, new ExecutionError(
                $"The document has a name or a string longer than {LongLines.MaxUnbroken} characters; pass long values as variables.")
            { Code = "SYNTAX_ERROR" });
        }
        try
        {
            return (Parser.Parse(text, new ParserOptions { Ignore = IgnoreOptions.Comments, MaxDepth = MaxSyntaxDepth }), text, null);
        }
        catch (GraphQLMaxDepthExceededException)
        {
            return (null, text, new ExecutionError(
                $"The document is nested more than {MaxSyntaxDepth} syntax levels deep, the parser's limit; queries may nest fields at most OneDigital:GraphQL:MaxDepth levels.")
            { Code = "SYNTAX_ERROR" });
        }
        catch (GraphQLSyntaxErrorException ex)
        {
            return (null, text, new SyntaxError(ex));
        }
    }
}
