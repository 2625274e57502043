// Why: a field reaches a template as a plain value, never as its JSON; one answer per field kind, so a new kind does
// not compile until the site decides how templates see it.
using System.Text.Json.Nodes;
using OneDigital.Content.Fields;
using OneDigital.Content.Html;
using OneDigital.Content.Items;

namespace OneDigital.Site.Models;

/// <summary>A field's JSON → the value templates see (see <see cref="ItemView.Fields"/>).</summary>
internal sealed class FieldViewValues : IFieldKindVisitor<Func<JsonObject, object?>>
{
    public static readonly FieldKindTable<Func<JsonObject, object?>> Table = new(new FieldViewValues());

    public Func<JsonObject, object?> Text() => f => JsonValues.NonEmptyString(f["Text"]);

    public Func<JsonObject, object?> Html() => f => Safe(ContentHtml.Sanitize(JsonValues.NonEmptyString(f["Html"])));

    public Func<JsonObject, object?> Markdown() => f => Safe(MarkdownHtml.Render(JsonValues.NonEmptyString(f["Markdown"])));

    // Fluid holds numbers as decimals.
    public Func<JsonObject, object?> Numeric() => f => JsonValues.Number(f["Value"]) is { } n && Math.Abs(n) < 7.9e28 ? (decimal)n : null;

    public Func<JsonObject, object?> Boolean() => f => f["Value"] is JsonValue v && v.TryGetValue(out bool b) ? b : null;

    public Func<JsonObject, object?> Date() => f => JsonValues.UtcDateTime(f["Value"]);

    public Func<JsonObject, object?> DateTime() => f => JsonValues.UtcDateTime(f["Value"]);

    public Func<JsonObject, object?> Time() => f => JsonValues.ScalarText(f["Value"]);

    public Func<JsonObject, object?> Link() => f => JsonValues.NonEmptyString(f["Url"]) is { } url
        ? new LinkView(url, JsonValues.NonEmptyString(f["Text"]), JsonValues.NonEmptyString(f["Target"]))
        : null;

    public Func<JsonObject, object?> Media() => f =>
    {
        var paths = JsonValues.ScalarTexts(f["Paths"]);
        var texts = JsonValues.ScalarTexts(f["MediaTexts"]);
        return paths.Where(p => p.Length > 0)
            .Select((p, i) => new MediaView("/media/" + p.TrimStart('/'), i < texts.Length && texts[i].Length > 0 ? texts[i] : null))
            .ToList();
    };

    public Func<JsonObject, object?> ContentPicker() => f => JsonValues.NonEmptyStrings(f["ContentItemIds"]).ToList();

    public Func<JsonObject, object?> Taxonomy() => f => JsonValues.NonEmptyStrings(f["TermContentItemIds"]).ToList();

    // User ids are the store's; readers see nothing of accounts.
    public Func<JsonObject, object?> UserPicker() => _ => null;

    public Func<JsonObject, object?> MultiText() => f => JsonValues.NonEmptyStrings(f["Values"]).ToList();

    public Func<JsonObject, object?> Youtube() => f => JsonValues.NonEmptyString(f["EmbeddedAddress"]);

    public Func<JsonObject, object?> LocalizationSetContentPicker() => f => JsonValues.NonEmptyStrings(f["LocalizationSets"]).ToList();

    private static SafeHtml? Safe(string? html) => string.IsNullOrEmpty(html) ? null : new SafeHtml(html);
}
