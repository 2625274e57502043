// Why: each field kind has its own settings, named as Orchard names them (TextFieldSettings.Hint, NumericFieldSettings.
// Minimum...), and the editors Orchard offers for it. A visitor, so a new kind does not compile until the field page
// knows what to ask for it.
using OneDigital.Content.Fields;

namespace OneDigital.Admin.ContentTypes;

/// <summary>How a setting is asked for and stored: a checkbox (bool), a line of text, a number, one value a line
/// (a string array), Orchard's options (<c>[{ "name", "value" }]</c>, one <c>name = value</c> a line), or a choice.</summary>
public enum SettingInput { Bool, Text, Number, Lines, Options, Choice }

/// <summary>One setting of a kind: <see cref="Section"/> is the settings class (<c>TextFieldSettings</c>), <see cref="Key"/> its property.</summary>
public sealed record KindSetting(string Section, string Key, string Label, SettingInput Input, string? Hint = null)
{
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>Shown only when the field's editor is this one (a predefined list's options).</summary>
    public string? ForEditor { get; init; }

    /// <summary>The form input's name.</summary>
    public string InputName => $"Settings.{Section}.{Key}";
}

/// <summary>A kind's name for people, its settings and the editors it may use (the first, "Default", is the kind's usual input).</summary>
public sealed record KindSettings(string Label, IReadOnlyList<KindSetting> Settings, IReadOnlyList<string> Editors);

public sealed class FieldKindSettings : IFieldKindVisitor<KindSettings>
{
    private static readonly FieldKindTable<KindSettings> Table = new(new FieldKindSettings());

    public static KindSettings For(FieldKind kind) => Table[kind];

    private static KindSetting Hint(string section) => new(section, "Hint", "Hint", SettingInput.Text, "Shown to editors under the field's label.");

    private static KindSetting Required(string section) => new(section, "Required", "Required", SettingInput.Bool);

    private static KindSettings Of(string label, string section, IEnumerable<KindSetting> more, params string[] editors) =>
        new($"{label} ({section.Replace("Settings", "", StringComparison.Ordinal)})", [Hint(section), .. more], ["Default", .. editors]);

    public KindSettings Text() => Of("Text", "TextFieldSettings",
    [
        Required("TextFieldSettings"),
        new("TextFieldSettings", "DefaultValue", "Default value", SettingInput.Text),
        new("TextFieldPredefinedListEditorSettings", "Options", "Options", SettingInput.Options,
            "One a line, written as shown text = stored value, for example North East = north-east.") { ForEditor = "PredefinedList" },
        new("TextFieldPredefinedListEditorSettings", "Editor", "Show the options as", SettingInput.Choice) { Choices = ["Radio", "Dropdown"], ForEditor = "PredefinedList" },
    ], "TextArea", "Email", "Url", "Tel", "PredefinedList");

    public KindSettings Html() => Of("HTML", "HtmlFieldSettings", [new("HtmlFieldSettings", "SanitizeHtml", "Sanitize the HTML on save", SettingInput.Bool)]);

    public KindSettings Markdown() => Of("Markdown", "MarkdownFieldSettings", [new("MarkdownFieldSettings", "SanitizeHtml", "Sanitize the HTML on save", SettingInput.Bool)]);

    public KindSettings Numeric() => Of("Number", "NumericFieldSettings",
    [
        Required("NumericFieldSettings"),
        new("NumericFieldSettings", "Scale", "Decimal places", SettingInput.Number, "0 for whole numbers."),
        new("NumericFieldSettings", "Minimum", "Minimum", SettingInput.Number),
        new("NumericFieldSettings", "Maximum", "Maximum", SettingInput.Number),
        new("NumericFieldSettings", "Placeholder", "Placeholder", SettingInput.Text),
        new("NumericFieldSettings", "DefaultValue", "Default value", SettingInput.Text),
    ]);

    public KindSettings Boolean() => Of("Yes or no", "BooleanFieldSettings",
    [
        new("BooleanFieldSettings", "Label", "Checkbox label", SettingInput.Text),
        new("BooleanFieldSettings", "DefaultValue", "Checked by default", SettingInput.Bool),
    ]);

    public KindSettings Date() => Of("Date", "DateFieldSettings", [Required("DateFieldSettings")]);

    public KindSettings DateTime() => Of("Date and time", "DateTimeFieldSettings", [Required("DateTimeFieldSettings")]);

    public KindSettings Time() => Of("Time of day", "TimeFieldSettings", [Required("TimeFieldSettings")]);

    public KindSettings Link() => Of("Link", "LinkFieldSettings",
    [
        Required("LinkFieldSettings"),
        new("LinkFieldSettings", "LinkTextMode", "Link text", SettingInput.Choice) { Choices = ["Optional", "Required", "Static", "Url"] },
        new("LinkFieldSettings", "DefaultUrl", "Default URL", SettingInput.Text),
        new("LinkFieldSettings", "DefaultText", "Default link text", SettingInput.Text),
    ]);

    public KindSettings Media() => Of("Media files", "MediaFieldSettings",
    [
        Required("MediaFieldSettings"),
        new("MediaFieldSettings", "Multiple", "Allow several files", SettingInput.Bool),
        new("MediaFieldSettings", "AllowMediaText", "Ask for alternative text", SettingInput.Bool),
        new("MediaFieldSettings", "AllowedExtensions", "Allowed file extensions", SettingInput.Lines, "One a line, for example .jpg. None: any file the library accepts."),
    ]);

    public KindSettings ContentPicker() => Of("Other content items", "ContentPickerFieldSettings",
    [
        Required("ContentPickerFieldSettings"),
        new("ContentPickerFieldSettings", "Multiple", "Allow several items", SettingInput.Bool),
        new("ContentPickerFieldSettings", "DisplayAllContentTypes", "Offer items of every type", SettingInput.Bool),
        new("ContentPickerFieldSettings", "DisplayedContentTypes", "Types to offer", SettingInput.Lines, "Technical names, one a line, for example CaseStudy."),
    ]);

    public KindSettings Taxonomy() => Of("Taxonomy terms", "TaxonomyFieldSettings",
    [
        Required("TaxonomyFieldSettings"),
        new("TaxonomyFieldSettings", "TaxonomyContentItemId", "Taxonomy (content item id)", SettingInput.Text),
        new("TaxonomyFieldSettings", "Unique", "Only one term", SettingInput.Bool),
        new("TaxonomyFieldSettings", "LeavesOnly", "Only terms without children", SettingInput.Bool),
    ], "Tags");

    public KindSettings UserPicker() => Of("Users", "UserPickerFieldSettings",
    [
        Required("UserPickerFieldSettings"),
        new("UserPickerFieldSettings", "Multiple", "Allow several users", SettingInput.Bool),
        new("UserPickerFieldSettings", "DisplayAllUsers", "Offer every user", SettingInput.Bool),
        new("UserPickerFieldSettings", "DisplayedRoles", "Roles to offer", SettingInput.Lines, "Role names, one a line."),
    ]);

    public KindSettings MultiText() => Of("Several choices", "MultiTextFieldSettings",
    [
        Required("MultiTextFieldSettings"),
        new("MultiTextFieldSettings", "Options", "Options", SettingInput.Options, "One a line, written as shown text = stored value."),
    ]);

    public KindSettings Youtube() => Of("YouTube video", "YoutubeFieldSettings",
    [
        Required("YoutubeFieldSettings"),
        new("YoutubeFieldSettings", "Label", "Label", SettingInput.Text),
        new("YoutubeFieldSettings", "Width", "Width", SettingInput.Number),
        new("YoutubeFieldSettings", "Height", "Height", SettingInput.Number),
    ]);

    public KindSettings LocalizationSetContentPicker() => Of("Items in any language", "LocalizationSetContentPickerFieldSettings",
    [
        Required("LocalizationSetContentPickerFieldSettings"),
        new("LocalizationSetContentPickerFieldSettings", "Multiple", "Allow several items", SettingInput.Bool),
        new("LocalizationSetContentPickerFieldSettings", "DisplayedContentTypes", "Types to offer", SettingInput.Lines, "Technical names, one a line."),
    ]);
}
