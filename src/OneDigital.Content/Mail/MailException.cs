// Why: a message that cannot be sent as written (a bad address, a header that would split) is the caller's to fix
// and says which part is wrong; nothing is written or sent.
using OneDigital.Content.Errors;

namespace OneDigital.Content.Mail;

public sealed class MailException(string detail) : Exception(detail), IClientError
{
    public int Status => IClientError.Invalid;
    public string Title => "The message cannot be sent.";
    public string Detail => Message;
}
