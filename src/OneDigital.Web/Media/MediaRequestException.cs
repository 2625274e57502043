// Why: a resize the server will not make (a size off the list, an unknown profile, a file too large to decode) is the
// caller's to change; the error handling answers it as a ProblemDetails like every API error.
using OneDigital.Content.Errors;

namespace OneDigital.Web.Media;

public sealed class MediaRequestException(string detail, int status = IClientError.Invalid) : Exception(detail), IClientError
{
    public int Status => status;
    public string Title => status == IClientError.NotFound ? "No such media file." : "The media request cannot be answered.";
    public string Detail => Message;
}
