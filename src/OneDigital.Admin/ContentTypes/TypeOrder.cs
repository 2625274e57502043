// Why: Orchard orders a type's parts and a part's fields by the Position in their settings (a string; missing ones
// last, in list order), and the editor reads it so. Moving one rewrites every position, so the order is explicit.
using System.Globalization;
using System.Text.Json.Nodes;
using OneDigital.Content.Definitions;

namespace OneDigital.Admin.ContentTypes;

public static class TypeOrder
{
    public static List<ContentTypePartDefinition> Parts(ContentTypeDefinition type) =>
        [.. type.Parts.Select((p, i) => (Part: p, Index: i))
            .OrderBy(p => Position(p.Part.GetSettings<ContentTypePartSettings>().Position, p.Index)).Select(p => p.Part)];

    public static List<ContentPartFieldDefinition> Fields(ContentPartDefinition? part) =>
        [.. (part?.Fields ?? []).Select((f, i) => (Field: f, Index: i))
            .OrderBy(f => Position(f.Field.GetSettings<ContentPartFieldSettings>().Position, f.Index)).Select(f => f.Field)];

    /// <summary>Moves the part one place up or down and writes every part's position; false when it cannot move.</summary>
    public static bool MovePart(ContentTypeDefinition type, string partName, bool up)
    {
        var ordered = Parts(type);
        if (!Move(ordered, ordered.FindIndex(p => p.Name == partName), up)) return false;
        type.Parts = ordered;
        for (var i = 0; i < ordered.Count; i++) SetPosition(ordered[i].Settings, "ContentTypePartSettings", i);
        return true;
    }

    public static bool MoveField(ContentPartDefinition part, string fieldName, bool up)
    {
        var ordered = Fields(part);
        if (!Move(ordered, ordered.FindIndex(f => f.Name == fieldName), up)) return false;
        part.Fields = ordered;
        for (var i = 0; i < ordered.Count; i++) SetPosition(ordered[i].Settings, "ContentPartFieldSettings", i);
        return true;
    }

    /// <summary>The position after the last one, for a part or field added at the end.</summary>
    public static void PlaceLast(JsonObject settings, string section, int count) => SetPosition(settings, section, count);

    private static bool Move<T>(List<T> list, int index, bool up)
    {
        var other = up ? index - 1 : index + 1;
        if (index < 0 || other < 0 || other >= list.Count) return false;
        (list[index], list[other]) = (list[other], list[index]);
        return true;
    }

    private static void SetPosition(JsonObject settings, string section, int position)
    {
        if (settings[section] is not JsonObject bag)
        {
            bag = [];
            settings[section] = bag;
        }
        bag["Position"] = position.ToString(CultureInfo.InvariantCulture);
    }

    private static double Position(string? position, int index) =>
        double.TryParse(position, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) ? p : 1000 + index;
}
