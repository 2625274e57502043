using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OneDigital.Content.Definitions;
using OneDigital.Content.Items;

namespace OneDigital.Content.Fields;

/// <summary>Checks every field of an item against its field settings; messages name the part and the field.</summary>
public sealed partial class FieldValidator : IContentPartHandler
{
    /// <summary>The messages for one field's value (null when the item has none) under its definition's settings.</summary>
    private delegate IEnumerable<string> Check(ContentPartFieldDefinition field, JsonObject? value);

    private static readonly FieldKindTable<Check> Checks = new(new KindChecks());

    /// <summary>Parts that keep whole items (Bag, Flow), and the property holding them: their items' fields are checked too.</summary>
    private static readonly Dictionary<string, string> NestedItems = new(StringComparer.Ordinal)
    {
        ["BagPart"] = "ContentItems",
        ["FlowPart"] = "Widgets",
    };

    /// <summary>How deep items inside items are checked.</summary>
    private const int MaxNesting = 8;

    public Task SavingAsync(ContentSaveContext context)
    {
        Validate(context, context.Item.Data, context.Type, "", 0);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Checks one item's fields; a nested item's errors name their part by its path from the saved item
    /// (<c>Sections.ContentItems[1].Section</c>), so a form can show each beside its input.
    /// </summary>
    private static void Validate(ContentSaveContext context, JsonObject item, ContentTypeDefinition type, string path, int depth)
    {
        foreach (var typePart in type.Parts)
        {
            var partDefinition = context.Definitions.Part(typePart.PartName);
            var partJson = item[typePart.Name] as JsonObject;
            foreach (var field in partDefinition?.Fields ?? [])
            {
                var value = partJson?[field.Name];
                if (value is not null and not JsonObject)
                {
                    context.AddError(path + typePart.Name, field.Name, $"A {field.FieldName} value must be a JSON object.");
                    continue;
                }
                // A kind the engine does not know (a module's own field) has no rules: its value is kept as it came.
                if (field.Kind is not { } kind)
                {
                    continue;
                }
                foreach (var message in Checks[kind](field, (JsonObject?)value))
                {
                    context.AddError(path + typePart.Name, field.Name, message);
                }
            }
            if (depth < MaxNesting && NestedItems.TryGetValue(typePart.PartName, out var property) && partJson?[property] is JsonArray children)
            {
                for (var i = 0; i < children.Count; i++)
                {
                    if (children[i] is JsonObject child && child["ContentType"] is JsonValue t && t.TryGetValue(out string? childType)
                        && context.Definitions.Type(childType) is { } childDefinition)
                    {
                        Validate(context, child, childDefinition, $"{path}{typePart.Name}.{property}[{i}].", depth + 1);
                    }
                }
            }
        }
    }

    /// <summary>Each kind's rules.</summary>
    private sealed class KindChecks : IFieldKindVisitor<Check>
    {
        public Check Text() => TextRules;
        public Check Html() => NoRules;
        public Check Markdown() => NoRules;
        public Check Numeric() => NumericRules;
        public Check Boolean() => BooleanRules;
        public Check Date() => static (field, value) => DateRules(field.GetSettings<DateFieldSettings>().Required, value);
        public Check DateTime() => static (field, value) => DateRules(field.GetSettings<DateTimeFieldSettings>().Required, value);
        public Check Time() => TimeRules;
        public Check Link() => LinkRules;
        public Check Media() => MediaRules;
        public Check ContentPicker() => ContentPickerRules;
        public Check Taxonomy() => TaxonomyRules;
        public Check UserPicker() => NoRules;
        public Check MultiText() => NoRules;
        public Check Youtube() => YoutubeRules;
        public Check LocalizationSetContentPicker() => NoRules;
    }

    private static IEnumerable<string> NoRules(ContentPartFieldDefinition field, JsonObject? value) => [];

    private static IEnumerable<string> TextRules(ContentPartFieldDefinition field, JsonObject? value)
    {
        var s = field.GetSettings<TextFieldSettings>();
        if (s.Required && string.IsNullOrWhiteSpace(JsonValues.NonEmptyString(value?["Text"])))
            yield return "A value is required.";
    }

    private static IEnumerable<string> NumericRules(ContentPartFieldDefinition field, JsonObject? value)
    {
        var s = field.GetSettings<NumericFieldSettings>();
        var raw = value?["Value"];
        var number = JsonValues.Number(raw);
        if (raw is not null && raw.GetValueKind() != JsonValueKind.Null && number is null)
            yield return $"'{raw}' is not a number.";
        else if (number is null)
        {
            if (s.Required) yield return "A value is required.";
        }
        else
        {
            if (s.Minimum is { } min && (decimal)number.Value < min) yield return $"The value must be at least {min}.";
            if (s.Maximum is { } max && (decimal)number.Value > max) yield return $"The value must be at most {max}.";
            if (s.Scale == 0 && number.Value != Math.Floor(number.Value)) yield return "The value must be a whole number.";
        }
    }

    private static IEnumerable<string> BooleanRules(ContentPartFieldDefinition field, JsonObject? value)
    {
        var raw = value?["Value"];
        if (raw is not null && raw.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null))
            yield return "The value must be true or false.";
    }

    private static IEnumerable<string> DateRules(bool required, JsonObject? value)
    {
        var raw = value?["Value"];
        if (raw is not null && raw.GetValueKind() != JsonValueKind.Null && JsonValues.UtcDateTime(raw) is null)
            yield return $"'{raw}' is not a date.";
        else if (required && JsonValues.UtcDateTime(raw) is null)
            yield return "A value is required.";
    }

    private static IEnumerable<string> TimeRules(ContentPartFieldDefinition field, JsonObject? value)
    {
        var s = field.GetSettings<TimeFieldSettings>();
        var text = JsonValues.NonEmptyString(value?["Value"]);
        if (text is not null && !TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out _))
            yield return $"'{text}' is not a time of day.";
        else if (s.Required && text is null)
            yield return "A value is required.";
    }

    private static IEnumerable<string> LinkRules(ContentPartFieldDefinition field, JsonObject? value)
    {
        var s = field.GetSettings<LinkFieldSettings>();
        var url = JsonValues.NonEmptyString(value?["Url"]);
        if (url is null)
        {
            if (s.Required) yield return "A URL is required.";
        }
        else if (!Uri.TryCreate(url, UriKind.RelativeOrAbsolute, out var uri) || (uri.IsAbsoluteUri && uri.Scheme is not ("http" or "https" or "mailto" or "tel")) || url.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"'{url}' is not a valid link.";
        }
    }

    private static IEnumerable<string> MediaRules(ContentPartFieldDefinition field, JsonObject? value)
    {
        var s = field.GetSettings<MediaFieldSettings>();
        var paths = JsonValues.NonEmptyStrings(value?["Paths"]).ToList();
        if (s.Required && paths.Count == 0) yield return "At least one media file is required.";
        if (!s.Multiple && paths.Count > 1) yield return "Only one media file is allowed.";
        if (s.AllowedExtensions.Length > 0)
        {
            foreach (var path in paths.Where(p => !s.AllowedExtensions.Contains(Path.GetExtension(p), StringComparer.OrdinalIgnoreCase)))
                yield return $"'{path}' is not one of the allowed file types ({string.Join(", ", s.AllowedExtensions)}).";
        }
    }

    private static IEnumerable<string> ContentPickerRules(ContentPartFieldDefinition field, JsonObject? value)
    {
        var s = field.GetSettings<ContentPickerFieldSettings>();
        var ids = JsonValues.NonEmptyStrings(value?["ContentItemIds"]).ToList();
        if (s.Required && ids.Count == 0) yield return "At least one item must be picked.";
        if (!s.Multiple && ids.Count > 1) yield return "Only one item can be picked.";
    }

    private static IEnumerable<string> TaxonomyRules(ContentPartFieldDefinition field, JsonObject? value)
    {
        var s = field.GetSettings<TaxonomyFieldSettings>();
        var ids = JsonValues.NonEmptyStrings(value?["TermContentItemIds"]).ToList();
        if (s.Required && ids.Count == 0) yield return "At least one term is required.";
        if (s.Unique && ids.Count > 1) yield return "Only one term can be chosen.";
    }

    private static IEnumerable<string> YoutubeRules(ContentPartFieldDefinition field, JsonObject? value)
    {
        var address = JsonValues.NonEmptyString(value?["RawAddress"]);
        if (address is not null && !YoutubeAddress().IsMatch(address)) yield return $"'{address}' is not a YouTube address.";
    }

    [GeneratedRegex(@"^https?://(www\.)?(youtube\.com|youtu\.be)/", RegexOptions.IgnoreCase)]
    private static partial Regex YoutubeAddress();
}
