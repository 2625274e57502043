// Why: a file of a kind the library refuses, or too large, is the sender's to fix; forms show the message next to
// the file input and the APIs answer it as a 400.
using OneDigital.Content.Errors;

namespace OneDigital.Content.Media;

public sealed class MediaException(string detail) : Exception(detail), IClientError
{
    public int Status => IClientError.Invalid;
    public string Title => "The file cannot be accepted.";
    public string Detail => Message;
}
