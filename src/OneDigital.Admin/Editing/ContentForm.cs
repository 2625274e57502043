// Why: the editor is generated from the content definitions read for this request, so a part or field added to a
// type shows at once: the type's parts in their positions, each part's own editor, then its fields in theirs, each
// through its kind's editor. Reading a post writes into the loaded item, so what the form does not show is kept. An
// item nested in a Bag or Flow is one more ContentForm, its inputs named under its position's prefix.
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using OneDigital.Admin.Editing.Nested;
using OneDigital.Admin.Editing.Parts;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Definitions;
using OneDigital.Content.Html;
using OneDigital.Content.Items;

namespace OneDigital.Admin.Editing;

/// <param name="prefix">What the inputs' names start with: empty for the edited item, <c>{list}[{i}].</c> for a nested one.</param>
/// <param name="depth">How many Bag or Flow items this item is inside.</param>
public sealed partial class ContentForm(ContentTypeDefinition type, EditorServices services, ModelStateDictionary state, string prefix = "", int depth = 0)
{
    private static readonly Dictionary<string, IPartEditor> PartEditors = new(StringComparer.Ordinal)
    {
        ["TitlePart"] = new TitlePartEditor(),
        ["AutoroutePart"] = new AutoroutePartEditor(),
        ["AliasPart"] = TextPropertyPartEditor.Alias,
        ["MarkdownBodyPart"] = TextPropertyPartEditor.MarkdownBody,
        ["HtmlBodyPart"] = TextPropertyPartEditor.HtmlBody,
        ["ContainedPart"] = new ContainedPartEditor(),
        ["ListPart"] = new ListPartEditor(),
        ["LocalizationPart"] = new LocalizationPartEditor(),
        ["BagPart"] = NestedItemsPartEditor.Bag,
        ["FlowPart"] = NestedItemsPartEditor.Flow,
    };

    private static readonly IPartEditor Kept = new KeptPartEditor();

    public ContentTypeDefinition Type { get; } = type;

    public async Task<IReadOnlyList<FormSection>> RenderAsync(ContentItem item)
    {
        var sections = new List<FormSection>();
        // Items in a list carry a ContainedPart their type does not name (the list put it there): shown first.
        if (item.Part("ContainedPart") is not null && !Type.HasPart("ContainedPart"))
        {
            var contained = new ContentTypePartDefinition { PartName = "ContainedPart", Name = "ContainedPart" };
            sections.Add(new FormSection(null, null, await PartEditors["ContainedPart"].RenderAsync(Part(contained), item)));
        }
        foreach (var typePart in Parts())
        {
            var part = Part(typePart);
            var fields = Fields(typePart).ToList();
            if (PartEditor(typePart, fields.Count) is { } editor)
            {
                // The localization part shows its set and translations under headings of their own: its section needs one above them.
                var heading = editor is LocalizationPartEditor ? "Language and translations" : null;
                sections.Add(new FormSection(heading, null, await editor.RenderAsync(part, item)));
            }
            if (fields.Count == 0) continue;
            var inputs = new List<FormField>();
            foreach (var field in fields)
            {
                var editorField = new EditorField(field, prefix + typePart.Name, services, state, Type.Name, typePart.Name);
                inputs.AddRange(await FieldEditors.For(field.Kind!.Value).RenderAsync(editorField, item.Part(typePart.Name)?[field.Name] as JsonObject));
            }
            sections.Add(new FormSection(Heading(typePart), typePart.GetSettings<ContentTypePartSettings>().Description, inputs));
        }
        var shown = services.Posted is { } posted
            ? [.. sections.Select(s => s with { Fields = [.. s.Fields.Select(f => Refill(f, posted))] })]
            : sections;
        return [.. shown.Select(s => s with { Fields = [.. s.Fields.Select(f => f is WritingPanelField panel ? panel.Checked(services.Words) : f)] })];
    }

    /// <summary>Writes the posted form into the item; input the editors cannot read is reported in ModelState.</summary>
    public void Read(ContentItem item, IFormCollection form)
    {
        foreach (var typePart in Parts())
        {
            var json = item.GetOrCreatePart(typePart.Name);
            var fields = Fields(typePart).ToList();
            PartEditor(typePart, fields.Count)?.Read(Part(typePart), json, form);
            foreach (var field in fields)
            {
                var read = FieldEditors.For(field.Kind!.Value).Read(new EditorField(field, prefix + typePart.Name, services, state, Type.Name, typePart.Name), form);
                // Properties the editor does not handle (a link's Target, a field's extra data) are kept.
                if (json[field.Name] is not JsonObject stored)
                {
                    json[field.Name] = read;
                    continue;
                }
                foreach (var (name, value) in read.ToList())
                {
                    read.Remove(name);
                    stored[name] = value;
                }
            }
        }
    }

    /// <summary>The ModelState key (an input's name) an engine validation error about <paramref name="item"/> is shown under; empty for the whole form.</summary>
    public string KeyFor(ContentValidationError error, ContentItem item)
    {
        if (Nested(error, item) is { } nested) return nested.Form.KeyFor(nested.Error, nested.Item);
        var typePart = Type.Part(error.Part);
        if (typePart is null) return "";
        if (error.Field is not null && services.Definitions.Part(typePart.PartName)?.Field(error.Field) is { Kind: not null })
            return $"{prefix}{typePart.Name}.{error.Field}";
        return PartEditors.GetValueOrDefault(typePart.PartName)?.MainInput(Part(typePart)) ?? "";
    }

    /// <summary>How an error is worded on the form: the engine's message, prefixed with the field's label when it does not name it, and the nested item's name ("Slide 2") when it is about one.</summary>
    public string MessageFor(ContentValidationError error, ContentItem item)
    {
        if (Nested(error, item) is { } nested) return $"{nested.Title}, {nested.Form.MessageFor(nested.Error, nested.Item)}";
        var label = error.Field is not null && Type.Part(error.Part) is { } typePart
            && services.Definitions.Part(typePart.PartName)?.Field(error.Field) is { } field
                ? field.GetSettings<ContentPartFieldSettings>().DisplayName ?? field.Name
                : null;
        return label is null || error.Message.Contains(label, StringComparison.OrdinalIgnoreCase) ? error.Message : $"{label}: {error.Message}";
    }

    /// <summary>An error about an item nested in this one (its part named by its path, <c>Sections.ContentItems[1].Section</c>): that item's form and the error as it sees it.</summary>
    private (ContentForm Form, ContentItem Item, ContentValidationError Error, string Title)? Nested(ContentValidationError error, ContentItem item)
    {
        var match = NestedPath().Match(error.Part);
        if (!match.Success || Type.Part(match.Groups["part"].Value) is not { } typePart) return null;
        var index = int.Parse(match.Groups["index"].ValueSpan, CultureInfo.InvariantCulture);
        var property = match.Groups["property"].Value;
        if (item.Part(typePart.Name)?[property] is not JsonArray list || index >= list.Count || list[index] is not JsonObject child) return null;
        var nested = new ContentItem(child);
        if (services.Definitions.Type(nested.ContentType) is not { } type) return null;
        var form = new ContentForm(type, services, state, $"{prefix}{typePart.Name}.{property}[{index}].", depth + 1);
        return (form, nested, error with { Part = match.Groups["rest"].Value }, $"{type.DisplayName ?? type.Name} {index + 1}");
    }

    [GeneratedRegex(@"^(?<part>[^.\[]+)\.(?<property>ContentItems|Widgets)\[(?<index>\d{1,6})\]\.(?<rest>.+)$")]
    private static partial Regex NestedPath();

    private EditorPart Part(ContentTypePartDefinition typePart) => new(typePart, services, state, prefix, depth);

    private IEnumerable<ContentTypePartDefinition> Parts() =>
        Type.Parts.Select((p, i) => (Part: p, Index: i))
            .OrderBy(p => Position(p.Part.GetSettings<ContentTypePartSettings>().Position, p.Index))
            .Select(p => p.Part);

    private IEnumerable<ContentPartFieldDefinition> Fields(ContentTypePartDefinition typePart) =>
        (services.Definitions.Part(typePart.PartName)?.Fields ?? [])
            .Where(f => f.Kind is not null)
            .Select((f, i) => (Field: f, Index: i))
            .OrderBy(f => Position(f.Field.GetSettings<ContentPartFieldSettings>().Position, f.Index))
            .Select(f => f.Field);

    /// <summary>The part's own editor; parts that only hold fields have none, and parts without one are kept as they are.</summary>
    private static IPartEditor? PartEditor(ContentTypePartDefinition typePart, int fieldCount) =>
        PartEditors.TryGetValue(typePart.PartName, out var editor) ? editor : fieldCount == 0 ? Kept : null;

    private string Heading(ContentTypePartDefinition typePart) =>
        typePart.GetSettings<ContentTypePartSettings>().DisplayName is { Length: > 0 } name ? name
        : services.Definitions.Part(typePart.PartName)?.Settings is { } settings && SettingsReader.Read<ContentPartSettings>(settings).DisplayName is { Length: > 0 } partName ? partName
        : string.Equals(typePart.PartName, Type.Name, StringComparison.Ordinal) ? $"{Type.DisplayName ?? Type.Name} details"
        : typePart.Name;

    private static double Position(string? position, int index) =>
        double.TryParse(position, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) ? p : 1000 + index;

    /// <summary>An input shown again with what was posted (after an error, a preview or a search), even text no editor could read.</summary>
    private static FormField Refill(FormField field, IFormCollection posted) => field switch
    {
        TextInputField f => f with { Value = posted[f.Name].ToString() },
        Pickers.TagsField f => f with { Value = posted[f.Name].ToString() },
        TextareaField f => f with { Value = posted[f.Name].ToString() },
        MarkdownInput f => f with
        {
            Value = posted[f.Name].ToString(),
            PreviewHtml = posted["action"] == "preview" ? MarkdownHtml.Render(posted[f.Name].ToString()) ?? "" : null,
        },
        WritingPanelField f => f with { Text = posted[f.Input].ToString() },
        DateInputField f => f with { Day = posted[f.Name + ".Day"].ToString(), Month = posted[f.Name + ".Month"].ToString(), Year = posted[f.Name + ".Year"].ToString() },
        CheckboxesField f => f with { Choices = Selected(f.Choices, posted[f.Name]) },
        PickerField f => f with { Choices = Selected(f.Choices, posted[f.Name]) },
        RadiosField f => f with { Choices = Selected(f.Choices, posted[f.Name]) },
        SelectField f => f with { Choices = Selected(f.Choices, posted[f.Name]) },
        _ => field,
    };

    private static IReadOnlyList<Choice> Selected(IReadOnlyList<Choice> choices, Microsoft.Extensions.Primitives.StringValues values) =>
        [.. choices.Select(c => c with { Selected = values.Contains(c.Value) })];
}
