namespace OneDigital.Content.Writing;

/// <summary>A check the writing checks run: its id (as findings, type settings and the audit trail name it), a short
/// name for people and its severity.</summary>
public sealed record WritingCheck(string Id, string Name, WritingSeverity Severity)
{
    public const string ImageMissingAlt = "image-missing-alt";
    public const string ImageAltFileName = "image-alt-file-name";
    public const string LinkEmptyText = "link-empty-text";
    public const string LinkVagueText = "link-vague-text";
    public const string LinkBareUrl = "link-bare-url";
    public const string LinkPdfWithoutDetails = "link-pdf-without-details";
    public const string HeadingSkippedLevel = "heading-skipped-level";
    public const string HeadingSeveralTopLevel = "heading-several-top-level";
    public const string TableWithoutHeaders = "table-without-headers";
    public const string AllCapsText = "all-caps-text";
    public const string EmojiBullets = "emoji-bullets";
    public const string LongSentence = "long-sentence";
    public const string PassiveVoice = "passive-voice";
    public const string PlainEnglishWord = "plain-english-word";

    /// <summary>GOV.UK's guidance: sentences of 25 words or fewer.</summary>
    public const int LongSentenceWords = 25;

    /// <summary>Every check, most serious first.</summary>
    public static readonly IReadOnlyList<WritingCheck> All =
    [
        new(ImageMissingAlt, "Image without alt text", WritingSeverity.Serious),
        new(LinkEmptyText, "Link without text", WritingSeverity.Serious),
        new(ImageAltFileName, "Alt text that repeats the file name", WritingSeverity.Warning),
        new(LinkVagueText, "Link text such as \"click here\"", WritingSeverity.Warning),
        new(LinkBareUrl, "Web address as link text", WritingSeverity.Warning),
        new(LinkPdfWithoutDetails, "PDF link without format and size", WritingSeverity.Warning),
        new(HeadingSkippedLevel, "Skipped heading level", WritingSeverity.Warning),
        new(HeadingSeveralTopLevel, "More than one top-level heading", WritingSeverity.Warning),
        new(TableWithoutHeaders, "Table without headers", WritingSeverity.Warning),
        new(EmojiBullets, "Emoji used as bullets", WritingSeverity.Warning),
        new(LongSentence, "Long sentence", WritingSeverity.Warning),
        new(AllCapsText, "Text in capitals", WritingSeverity.Advice),
        new(PassiveVoice, "Passive voice", WritingSeverity.Advice),
        new(PlainEnglishWord, "Word with a plainer alternative", WritingSeverity.Advice),
    ];

    private static readonly Dictionary<string, WritingCheck> ById = All.ToDictionary(c => c.Id, StringComparer.Ordinal);

    public static WritingCheck? Find(string id) => ById.GetValueOrDefault(id);

    /// <summary>The checks that block publishing when a type says nothing: the serious ones.</summary>
    public static IReadOnlyList<string> BlockingByDefault { get; } = All.Where(c => c.Severity == WritingSeverity.Serious).Select(c => c.Id).ToArray();

    internal WritingFinding Finding(string message, string excerpt, string? suggestion = null) =>
        new(Id, Severity, message, Excerpts.Shorten(excerpt), suggestion);

    internal static WritingFinding Finding(string id, string message, string excerpt, string? suggestion = null) =>
        ById[id].Finding(message, excerpt, suggestion);
}
