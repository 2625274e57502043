using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OneDigital.Content.Definitions;
using OneDigital.Content.Items;

namespace OneDigital.Content.Fields;

/// <summary>Checks every field of an item against its field settings; messages name the part and the field.</summary>
public sealed partial class FieldValidator : IContentPartHandler
{
    public Task SavingAsync(ContentSaveContext context)
    {
        foreach (var typePart in context.Type.Parts)
        {
            var partDefinition = context.Definitions.Part(typePart.PartName);
            if (partDefinition is null)
            {
                continue;
            }
            var partJson = context.Item.Part(typePart.Name);
            foreach (var field in partDefinition.Fields)
            {
                var value = partJson?[field.Name];
                if (value is not null and not JsonObject)
                {
                    context.AddError(typePart.Name, field.Name, $"A {field.FieldName} value must be a JSON object.");
                    continue;
                }
                foreach (var message in Check(field, (JsonObject?)value))
                {
                    context.AddError(typePart.Name, field.Name, message);
                }
            }
        }
        return Task.CompletedTask;
    }

    private static IEnumerable<string> Check(ContentPartFieldDefinition field, JsonObject? value)
    {
        switch (field.FieldName)
        {
            case "TextField":
            {
                var s = field.GetSettings<TextFieldSettings>();
                if (s.Required && string.IsNullOrWhiteSpace(ContentFieldKinds.Text(value?["Text"])))
                    yield return "A value is required.";
                break;
            }
            case "NumericField":
            {
                var s = field.GetSettings<NumericFieldSettings>();
                var raw = value?["Value"];
                var number = ContentFieldKinds.Number(raw);
                if (raw is not null && raw.GetValueKind() != System.Text.Json.JsonValueKind.Null && number is null)
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
                break;
            }
            case "BooleanField":
            {
                var raw = value?["Value"];
                if (raw is not null && raw.GetValueKind() is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False or System.Text.Json.JsonValueKind.Null))
                    yield return "The value must be true or false.";
                break;
            }
            case "DateField" or "DateTimeField":
            {
                var required = field.FieldName == "DateField" ? field.GetSettings<DateFieldSettings>().Required : field.GetSettings<DateTimeFieldSettings>().Required;
                var raw = value?["Value"];
                if (raw is not null && raw.GetValueKind() != System.Text.Json.JsonValueKind.Null && ContentFieldKinds.Date(raw) is null)
                    yield return $"'{raw}' is not a date.";
                else if (required && ContentFieldKinds.Date(raw) is null)
                    yield return "A value is required.";
                break;
            }
            case "TimeField":
            {
                var s = field.GetSettings<TimeFieldSettings>();
                var text = ContentFieldKinds.Text(value?["Value"]);
                if (text is not null && !TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out _))
                    yield return $"'{text}' is not a time of day.";
                else if (s.Required && text is null)
                    yield return "A value is required.";
                break;
            }
            case "LinkField":
            {
                var s = field.GetSettings<LinkFieldSettings>();
                var url = ContentFieldKinds.Text(value?["Url"]);
                if (url is null)
                {
                    if (s.Required) yield return "A URL is required.";
                }
                else if (!Uri.TryCreate(url, UriKind.RelativeOrAbsolute, out var uri) || (uri.IsAbsoluteUri && uri.Scheme is not ("http" or "https" or "mailto" or "tel")) || url.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
                {
                    yield return $"'{url}' is not a valid link.";
                }
                break;
            }
            case "MediaField":
            {
                var s = field.GetSettings<MediaFieldSettings>();
                var paths = ContentFieldKinds.Strings(value?["Paths"]).ToList();
                if (s.Required && paths.Count == 0) yield return "At least one media file is required.";
                if (!s.Multiple && paths.Count > 1) yield return "Only one media file is allowed.";
                if (s.AllowedExtensions.Length > 0)
                {
                    foreach (var path in paths.Where(p => !s.AllowedExtensions.Contains(Path.GetExtension(p), StringComparer.OrdinalIgnoreCase)))
                        yield return $"'{path}' is not one of the allowed file types ({string.Join(", ", s.AllowedExtensions)}).";
                }
                break;
            }
            case "ContentPickerField":
            {
                var s = field.GetSettings<ContentPickerFieldSettings>();
                var ids = ContentFieldKinds.Strings(value?["ContentItemIds"]).ToList();
                if (s.Required && ids.Count == 0) yield return "At least one item must be picked.";
                if (!s.Multiple && ids.Count > 1) yield return "Only one item can be picked.";
                break;
            }
            case "TaxonomyField":
            {
                var s = field.GetSettings<TaxonomyFieldSettings>();
                var ids = ContentFieldKinds.Strings(value?["TermContentItemIds"]).ToList();
                if (s.Required && ids.Count == 0) yield return "At least one term is required.";
                if (s.Unique && ids.Count > 1) yield return "Only one term can be chosen.";
                break;
            }
            case "YoutubeField":
            {
                var address = ContentFieldKinds.Text(value?["RawAddress"]);
                if (address is not null && !YoutubeAddress().IsMatch(address)) yield return $"'{address}' is not a YouTube address.";
                break;
            }
        }
    }

    [GeneratedRegex(@"^https?://(www\.)?(youtube\.com|youtu\.be)/", RegexOptions.IgnoreCase)]
    private static partial Regex YoutubeAddress();
}
