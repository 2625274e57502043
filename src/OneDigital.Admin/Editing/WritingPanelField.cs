// Why: editors see the writing checks beside each markdown and HTML body as the form is shown, so a save (or a
// preview) without JavaScript shows them for what was posted; with JavaScript, writing.mjs refreshes them as they type.
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Writing;

namespace OneDigital.Admin.Editing;

/// <summary>The readability panel of the body input named <see cref="Input"/>: its report, computed by
/// <see cref="ContentForm"/> from the stored or posted text.</summary>
public sealed record WritingPanelField(string Input, string BodyLabel, bool IsMarkdown) : FormField(Input + ".WritingChecks", "Writing checks")
{
    public string? Text { get; init; }

    public WritingReport Report { get; init; } = WritingReport.Empty;

    public string InputId => FieldIds.For(Input);

    public WritingPanelField Checked(PlainEnglishList words) =>
        this with { Report = IsMarkdown ? WritingChecks.CheckMarkdown(Text, words) : WritingChecks.CheckHtml(Text, words) };
}
