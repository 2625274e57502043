// Why: a field's settings bag keeps whatever a recipe brought (a module's own keys, Orchard's keys this CMS does not
// read); the field page changes only the keys it asks for and leaves every other one as it was.
using System.Globalization;
using System.Text.Json.Nodes;

namespace OneDigital.Admin.ContentTypes;

public static class KindSettingValues
{
    /// <summary>The setting's value as its input shows it ("true" for a ticked checkbox).</summary>
    public static string Show(JsonObject settings, KindSetting setting)
    {
        var value = (settings[setting.Section] as JsonObject)?[setting.Key];
        return setting.Input switch
        {
            SettingInput.Lines => value is JsonArray lines ? string.Join('\n', lines.Select(l => l?.ToString())) : "",
            SettingInput.Options => value is JsonArray options
                ? string.Join('\n', options.OfType<JsonObject>().Select(o => $"{o["name"]} = {o["value"]}"))
                : "",
            SettingInput.Bool => value is JsonValue v && (v.TryGetValue(out bool b) ? b : bool.TryParse(v.ToString(), out var parsed) && parsed) ? "true" : "",
            _ => value?.ToString() ?? "",
        };
    }

    /// <summary>Writes a posted value into the bag (an empty one removes the key); returns why it cannot, or null.</summary>
    public static string? Write(JsonObject settings, KindSetting setting, string? posted)
    {
        posted = posted?.Trim() ?? "";
        JsonNode? value;
        switch (setting.Input)
        {
            case SettingInput.Bool:
                value = JsonValue.Create(posted == "true");
                break;
            case SettingInput.Number:
                if (posted.Length == 0) { value = null; break; }
                if (!decimal.TryParse(posted, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
                    return $"{setting.Label} must be a number, like 10 or 2.5.";
                value = JsonValue.Create(number);
                break;
            case SettingInput.Lines:
                var lines = Lines(posted).ToList();
                value = lines.Count == 0 ? null : new JsonArray([.. lines.Select(l => JsonValue.Create(l))]);
                break;
            case SettingInput.Options:
                var options = new JsonArray();
                var lineNumber = 0;
                foreach (var line in posted.Split('\n'))
                {
                    lineNumber++;
                    if (line.Trim().Length == 0) continue;
                    var parts = line.Split('=', 2);
                    var name = parts[0].Trim();
                    var stored = parts.Length == 2 ? parts[1].Trim() : name;
                    if (name.Length == 0 || stored.Length == 0)
                        return $"{setting.Label}, line {lineNumber}: write it as shown text = stored value.";
                    options.Add(new JsonObject { ["name"] = name, ["value"] = stored });
                }
                value = options.Count == 0 ? null : options;
                break;
            case SettingInput.Choice:
                if (posted.Length > 0 && !setting.Choices.Contains(posted, StringComparer.Ordinal))
                    return $"Choose one of the options for {setting.Label.ToLowerInvariant()}.";
                value = posted.Length == 0 ? null : JsonValue.Create(posted);
                break;
            default:
                value = posted.Length == 0 ? null : JsonValue.Create(posted);
                break;
        }
        if (settings[setting.Section] is not JsonObject section)
        {
            if (value is null) return null;
            section = [];
            settings[setting.Section] = section;
        }
        if (value is null) section.Remove(setting.Key);
        else section[setting.Key] = value;
        return null;
    }

    private static IEnumerable<string> Lines(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
}
