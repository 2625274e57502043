using System.Text.Json.Nodes;
using OneDigital.Content.Definitions;
using OneDigital.Content.Fields;
using OneDigital.Content.Items;

namespace OneDigital.Content.Recipes.Steps;

/// <summary>
/// ContentDefinition merges types and parts into the definitions (listed parts and fields are added or updated,
/// others kept); ReplaceContentDefinition replaces each listed type or part whole.
/// </summary>
public sealed class ContentDefinitionStep(ContentDefinitionStore definitions) : IRecipeStep
{
    public IReadOnlyCollection<string> Names { get; } = ["ContentDefinition", "ReplaceContentDefinition"];

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var replace = context.Name.Equals("ReplaceContentDefinition", StringComparison.OrdinalIgnoreCase);
        var types = Read<ContentTypeDefinition>(context, "ContentTypes");
        var parts = Read<ContentPartDefinition>(context, "ContentParts");

        for (var i = 0; i < types.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(types[i].Name)) throw context.Fail($"ContentTypes[{i}].Name", "A content type needs a Name.");
            for (var j = 0; j < types[i].Parts.Count; j++)
            {
                var part = types[i].Parts[j];
                if (string.IsNullOrWhiteSpace(part.PartName)) throw context.Fail($"ContentTypes[{i}].ContentTypePartDefinitionRecords[{j}].PartName", "A type's part needs a PartName.");
                if (string.IsNullOrWhiteSpace(part.Name)) part.Name = part.PartName;
            }
        }
        for (var i = 0; i < parts.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(parts[i].Name)) throw context.Fail($"ContentParts[{i}].Name", "A content part needs a Name.");
            for (var j = 0; j < parts[i].Fields.Count; j++)
            {
                var field = parts[i].Fields[j];
                var path = $"ContentParts[{i}].ContentPartFieldDefinitionRecords[{j}]";
                if (string.IsNullOrWhiteSpace(field.Name)) throw context.Fail($"{path}.Name", "A field needs a Name.");
                if (string.IsNullOrWhiteSpace(field.FieldName)) throw context.Fail($"{path}.FieldName", "A field needs a FieldName (its kind).");
                if (field.Kind is null)
                {
                    // A module's own field kind: the definition and the items' values are kept as JSON, like Orchard keeps them without the module.
                    context.WarnAt($"{path}.FieldName", $"the field kind '{field.FieldName}' of '{parts[i].Name}.{field.Name}' is not known (known: {string.Join(", ", FieldKinds.KnownNames.Order())}); its values are kept as JSON and exported unchanged, but are not in GraphQL, search or the editor.");
                }
            }
        }

        await definitions.AlterAsync(doc =>
        {
            foreach (var type in types)
            {
                var before = Snapshot(doc.Type(type.Name));
                Apply(doc, type, replace);
                Describe(context.Report, $"content type '{type.Name}'", before, Snapshot(doc.Type(type.Name)));
            }
            foreach (var part in parts)
            {
                var before = Snapshot(doc.Part(part.Name));
                Apply(doc, part, replace);
                Describe(context.Report, $"content part '{part.Name}'", before, Snapshot(doc.Part(part.Name)));
            }
        });
    }

    private static string? Snapshot<T>(T? definition) where T : class =>
        definition is null ? null : System.Text.Json.JsonSerializer.Serialize(definition, Store.ContentJson.Compact);

    /// <summary>Notes a definition the step added or changed (an identical one is not news).</summary>
    private static void Describe(ImportReport report, string what, string? before, string? after)
    {
        if (before == after) return;
        report.DefinitionsChanged.Add($"{what} {(before is null ? "added" : after is null ? "removed" : "changed")}");
    }

    private static List<T> Read<T>(RecipeStepContext context, string property) where T : new()
    {
        var array = context.Array(property);
        var list = new List<T>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            list.Add(context.Read<T>(array[i], $"{property}[{i}]"));
        }
        return list;
    }

    private static void Apply(ContentDefinitionDocument doc, ContentTypeDefinition incoming, bool replace)
    {
        var existing = doc.Type(incoming.Name);
        if (existing is null || replace)
        {
            if (existing is not null) doc.ContentTypes.Remove(existing);
            incoming.DisplayName ??= incoming.Name;
            doc.ContentTypes.Add(incoming);
            return;
        }
        if (incoming.DisplayName is not null) existing.DisplayName = incoming.DisplayName;
        JsonValues.Merge(existing.Settings, incoming.Settings);
        existing.Other = MergeOther(existing.Other, incoming.Other);
        foreach (var part in incoming.Parts)
        {
            var current = existing.Part(part.Name);
            if (current is null)
            {
                existing.Parts.Add(part);
            }
            else
            {
                current.PartName = part.PartName;
                JsonValues.Merge(current.Settings, part.Settings);
                current.Other = MergeOther(current.Other, part.Other);
            }
        }
    }

    private static void Apply(ContentDefinitionDocument doc, ContentPartDefinition incoming, bool replace)
    {
        var existing = doc.Part(incoming.Name);
        if (existing is null || replace)
        {
            if (existing is not null) doc.ContentParts.Remove(existing);
            doc.ContentParts.Add(incoming);
            return;
        }
        JsonValues.Merge(existing.Settings, incoming.Settings);
        existing.Other = MergeOther(existing.Other, incoming.Other);
        foreach (var field in incoming.Fields)
        {
            var current = existing.Field(field.Name);
            if (current is null)
            {
                existing.Fields.Add(field);
            }
            else
            {
                current.FieldName = field.FieldName;
                JsonValues.Merge(current.Settings, field.Settings);
                current.Other = MergeOther(current.Other, field.Other);
            }
        }
    }

    private static Dictionary<string, System.Text.Json.JsonElement>? MergeOther(Dictionary<string, System.Text.Json.JsonElement>? existing, Dictionary<string, System.Text.Json.JsonElement>? incoming)
    {
        if (incoming is null || incoming.Count == 0) return existing;
        existing ??= [];
        foreach (var (key, value) in incoming) existing[key] = value.Clone();
        return existing;
    }
}
