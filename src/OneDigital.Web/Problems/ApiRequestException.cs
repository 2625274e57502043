// Why: an endpoint that finds the request itself wrong (a body that is not JSON, a type that does not exist) throws
// this like any other client error, so the one mapping in ProblemExceptionHandler answers it.
using OneDigital.Content.Errors;

namespace OneDigital.Web.Problems;

/// <summary>A request an API cannot carry out as sent: 400 with <paramref name="title"/> and the message as the detail.</summary>
internal sealed class ApiRequestException(string title, string detail) : Exception(detail), IClientError
{
    public int Status => IClientError.Invalid;

    public string Title { get; } = title;

    public string Detail => Message;
}
