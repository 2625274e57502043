// Why: a file of a kind the library refuses, or too large, is the sender's to fix; forms show the message next to
// the file input and the APIs answer it with its status (415 a refused kind, 413 too large, 400 otherwise).
using OneDigital.Content.Errors;

namespace OneDigital.Content.Media;

public sealed class MediaException(string detail, int status = IClientError.Invalid) : Exception(detail), IClientError
{
    public const int TooLarge = 413;
    public const int UnsupportedType = 415;

    public int Status { get; } = status;
    public string Title => "The file cannot be accepted.";
    public string Detail => Message;
}
