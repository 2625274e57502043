// Why: the admin is one more layer that treats each field kind differently, so it is one more visitor: a new kind
// does not compile until it has an editor here.
using OneDigital.Admin.Editing.Fields;
using OneDigital.Content.Fields;

namespace OneDigital.Admin.Editing;

public sealed class FieldEditors : IFieldKindVisitor<IFieldEditor>
{
    private static readonly FieldKindTable<IFieldEditor> Table = new(new FieldEditors());

    public static IFieldEditor For(FieldKind kind) => Table[kind];

    public IFieldEditor Text() => new TextFieldEditor();
    public IFieldEditor Html() => new HtmlFieldEditor();
    public IFieldEditor Markdown() => new MarkdownFieldEditor();
    public IFieldEditor Numeric() => new NumericFieldEditor();
    public IFieldEditor Boolean() => new BooleanFieldEditor();
    public IFieldEditor Date() => new DateFieldEditor();
    public IFieldEditor DateTime() => new DateTimeFieldEditor();
    public IFieldEditor Time() => new TimeFieldEditor();
    public IFieldEditor Link() => new LinkFieldEditor();
    public IFieldEditor Media() => new MediaFieldEditor();
    public IFieldEditor ContentPicker() => new ContentPickerFieldEditor();
    public IFieldEditor Taxonomy() => new TaxonomyFieldEditor();
    public IFieldEditor UserPicker() => new UserPickerFieldEditor();
    public IFieldEditor MultiText() => new MultiTextFieldEditor();
    public IFieldEditor Youtube() => new YoutubeFieldEditor();
    public IFieldEditor LocalizationSetContentPicker() => new LocalizationSetFieldEditor();
}
