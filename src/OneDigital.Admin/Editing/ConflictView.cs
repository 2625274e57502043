// Why: a refused save must not lose the editor's work: the conflict page shows, field by field, what they submitted
// beside what is saved now, so they can copy their text into the latest version.
using System.Text.Json.Nodes;
using OneDigital.Content.Definitions;
using OneDigital.Content.Items;

namespace OneDigital.Admin.Editing;

public sealed record ConflictRow(string Label, string Yours, string Theirs)
{
    public bool Differs => !string.Equals(Yours, Theirs, StringComparison.Ordinal);
}

public sealed record ConflictView(string? ChangedBy, DateTime? ChangedUtc, bool Removed, IReadOnlyList<ConflictRow> Rows)
{
    /// <summary>What the form calls the known parts' properties.</summary>
    private static readonly Dictionary<string, string> PartLabels = new(StringComparer.Ordinal)
    {
        ["TitlePart.Title"] = "Title",
        ["AutoroutePart.Path"] = "Path",
        ["AliasPart.Alias"] = "Alias",
        ["MarkdownBodyPart.Markdown"] = "Body",
        ["HtmlBodyPart.Html"] = "Body",
    };

    /// <summary>One row per part property and field of the type, in the form's order; values as plain text.</summary>
    public static ConflictView Of(ContentConflictException conflict, ContentTypeDefinition type, ContentDefinitionDocument definitions, ContentItem yours, ContentItem? theirs)
    {
        var rows = new List<ConflictRow>();
        foreach (var typePart in type.Parts)
        {
            var mine = yours.Part(typePart.Name);
            var saved = theirs?.Part(typePart.Name);
            var fields = definitions.Part(typePart.PartName)?.Fields ?? [];
            var names = (mine?.Select(p => p.Key) ?? []).Concat(saved?.Select(p => p.Key) ?? []).Distinct(StringComparer.Ordinal);
            foreach (var name in names)
            {
                var label = fields.Find(f => f.Name == name) is { } field
                    ? field.GetSettings<ContentPartFieldSettings>().DisplayName ?? field.Name
                    : PartLabels.GetValueOrDefault($"{typePart.PartName}.{name}") ?? $"{typePart.Name} {name}";
                rows.Add(new ConflictRow(label, Text(mine?[name]), Text(saved?[name])));
            }
        }
        return new ConflictView(conflict.ChangedBy, conflict.ChangedUtc, conflict.CurrentVersionId is null, rows);
    }

    /// <summary>A value's words: strings as they are, lists one per line, objects by their values.</summary>
    private static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonArray array => string.Join('\n', array.Select(Text).Where(t => t.Length > 0)),
        JsonObject obj => string.Join('\n', obj.Select(p => Text(p.Value)).Where(t => t.Length > 0)),
        JsonValue value when value.TryGetValue(out string? s) => s,
        _ => node.ToJsonString(),
    };
}
