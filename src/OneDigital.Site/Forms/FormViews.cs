// Why: the forms' templates read plain values only: what was typed (so a refused form comes back filled in), each
// error once for the GOV.UK error summary and once by its field, and the signed token.
namespace OneDigital.Site.Forms;

/// <summary>A form page's model: <c>Model.Values.email</c>, <c>Model.ErrorFor.email</c>, <c>Model.Errors</c>, <c>Model.Token</c>.</summary>
public sealed class FormView
{
    public required string Action { get; init; }

    public required string Token { get; init; }

    /// <summary>What was typed, by field name.</summary>
    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>The message shown at each field, by field name.</summary>
    public Dictionary<string, string> ErrorFor { get; } = new(StringComparer.Ordinal);

    /// <summary>The error summary's entries, in the form's order.</summary>
    public List<FormErrorView> Errors { get; } = [];

    /// <summary>Form-specific text (the consent wording, the file types allowed), by name.</summary>
    public Dictionary<string, string> Text { get; } = new(StringComparer.Ordinal);

    public bool HasErrors => Errors.Count > 0;

    /// <summary>Adds an error at <paramref name="field"/> (the id its summary link jumps to).</summary>
    public void Add(string field, string message)
    {
        if (ErrorFor.TryAdd(field, message)) Errors.Add(new FormErrorView(field, message));
    }
}

/// <summary>One entry of the error summary: the field's id and the message.</summary>
public sealed record FormErrorView(string Field, string Message);

/// <summary>A page that says what happened: <c>Message.liquid</c> (the heading is the page's title).</summary>
public sealed class MessageView
{
    public required IReadOnlyList<string> Paragraphs { get; init; }

    /// <summary>A link on to somewhere, or null.</summary>
    public FormLinkView? Link { get; init; }
}

public sealed record FormLinkView(string Href, string Text);

/// <summary>A page with one button that posts a signed link's token back (confirm, unsubscribe): <c>Bulletin-Action.liquid</c>.</summary>
public sealed class ActionView
{
    public required string Action { get; init; }
    public required string Token { get; init; }
    public required string Button { get; init; }
    public required IReadOnlyList<string> Paragraphs { get; init; }
}
