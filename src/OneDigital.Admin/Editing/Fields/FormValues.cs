// Why: the editors read posted text the same way: trimmed, empty meaning "no value", lists one per line.
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace OneDigital.Admin.Editing.Fields;

internal static class FormValues
{
    public static string? Text(IFormCollection form, string name) =>
        form.TryGetValue(name, out var values) && values.ToString().Trim() is { Length: > 0 } text ? text : null;

    /// <summary>Every non-empty value posted under the name (checkboxes), in order.</summary>
    public static string[] All(IFormCollection form, string name) =>
        form.TryGetValue(name, out var values) ? [.. values.Select(v => v?.Trim() ?? "").Where(v => v.Length > 0)] : [];

    /// <summary>A textarea's non-empty lines.</summary>
    public static string[] Lines(IFormCollection form, string name) =>
        Text(form, name)?.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray() ?? [];

    public static string? String(JsonObject? value, string property) =>
        value?[property] switch
        {
            JsonValue v when v.TryGetValue(out string? s) => s,
            JsonValue v => v.ToJsonString(),
            _ => null,
        };

    public static string[] Strings(JsonObject? value, string property) =>
        value?[property] is JsonArray array ? [.. array.Select(n => n?.ToString() ?? "").Where(s => s.Length > 0)] : [];

    public static JsonArray Array(IEnumerable<string> values) => [.. values.Select(v => (JsonNode)JsonValue.Create(v))];
}
