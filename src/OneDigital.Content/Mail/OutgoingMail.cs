// Why: the few things the admin (password reset) and the readers' site (double opt-in, List-Unsubscribe) put in a
// message, as one value both can build without knowing MimeKit.
namespace OneDigital.Content.Mail;

/// <summary>A message to send. At least one of <see cref="TextBody"/> and <see cref="HtmlBody"/> is required.</summary>
public sealed record OutgoingMail(IReadOnlyList<string> To, string Subject)
{
    public string? TextBody { get; init; }
    public string? HtmlBody { get; init; }
    /// <summary>Extra headers, e.g. <c>List-Unsubscribe</c> and <c>List-Unsubscribe-Post</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

}
