// Why: a bad address or missing consent is the reader's to fix; the site shows the message next to the field and
// writes nothing.
using OneDigital.Content.Errors;

namespace OneDigital.Content.Bulletin;

public sealed class BulletinException(string detail) : Exception(detail), IClientError
{
    public int Status => IClientError.Invalid;
    public string Title => "The sign-up cannot be accepted.";
    public string Detail => Message;
}
