using System.Collections.Frozen;

namespace OneDigital.Content.Fields;

/// <summary>
/// The one place that maps Orchard's field kind names ("TextField", "NumericField", ...) to <see cref="FieldKind"/>,
/// and dispatches a kind to a visitor.
/// </summary>
public static class FieldKinds
{
    /// <summary>Every kind, in declaration order (the order of <see cref="FieldKindTable{T}"/>).</summary>
    public static IReadOnlyList<FieldKind> All { get; } = Enum.GetValues<FieldKind>();

    private static readonly FieldKindTable<string> Names = new(new OrchardNames());

    private static readonly FrozenDictionary<string, FieldKind> ByName =
        All.ToFrozenDictionary(kind => Names[kind], StringComparer.Ordinal);

    /// <summary>Orchard's names of the known kinds: what recipes and definitions accept.</summary>
    public static IReadOnlyCollection<string> KnownNames => ByName.Keys;

    /// <summary>Orchard's name of a kind ("TextField").</summary>
    public static string Name(this FieldKind kind) => Names[kind];

    /// <summary>The kind Orchard calls <paramref name="name"/>; null for a name the engine does not know.</summary>
    public static FieldKind? Find(string? name) => name is not null && ByName.TryGetValue(name, out var kind) ? kind : null;

    // CS8524 only reports enum values outside the named members; CS8509 (a missing member) stays an error, which is
    // what makes this switch, and so every visitor, exhaustive.
#pragma warning disable CS8524
    public static T Accept<T>(this FieldKind kind, IFieldKindVisitor<T> visitor) => kind switch
    {
        FieldKind.Text => visitor.Text(),
        FieldKind.Html => visitor.Html(),
        FieldKind.Markdown => visitor.Markdown(),
        FieldKind.Numeric => visitor.Numeric(),
        FieldKind.Boolean => visitor.Boolean(),
        FieldKind.Date => visitor.Date(),
        FieldKind.DateTime => visitor.DateTime(),
        FieldKind.Time => visitor.Time(),
        FieldKind.Link => visitor.Link(),
        FieldKind.Media => visitor.Media(),
        FieldKind.ContentPicker => visitor.ContentPicker(),
        FieldKind.Taxonomy => visitor.Taxonomy(),
        FieldKind.UserPicker => visitor.UserPicker(),
        FieldKind.MultiText => visitor.MultiText(),
        FieldKind.Youtube => visitor.Youtube(),
        FieldKind.LocalizationSetContentPicker => visitor.LocalizationSetContentPicker(),
    };
#pragma warning restore CS8524

    /// <summary>Orchard's names, which recipes, stored definitions and GraphQL type names use.</summary>
    internal sealed class OrchardNames : IFieldKindVisitor<string>
    {
        public string Text() => "TextField";
        public string Html() => "HtmlField";
        public string Markdown() => "MarkdownField";
        public string Numeric() => "NumericField";
        public string Boolean() => "BooleanField";
        public string Date() => "DateField";
        public string DateTime() => "DateTimeField";
        public string Time() => "TimeField";
        public string Link() => "LinkField";
        public string Media() => "MediaField";
        public string ContentPicker() => "ContentPickerField";
        public string Taxonomy() => "TaxonomyField";
        public string UserPicker() => "UserPickerField";
        public string MultiText() => "MultiTextField";
        public string Youtube() => "YoutubeField";
        public string LocalizationSetContentPicker() => "LocalizationSetContentPickerField";
    }
}
