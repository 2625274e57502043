using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using OneDigital.Content.Items;

namespace OneDigital.Content.Definitions;

/// <summary>
/// Reads a typed settings class from Orchard's settings bag, where each class sits under its own name
/// (<c>{"ContentTypeSettings": {"Creatable": true}}</c>). Orchard writes numbers and booleans sometimes as strings.
/// </summary>
public static class SettingsReader
{
    private static readonly JsonSerializerOptions Options = new(ContentJson.Compact)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        Converters = { new LenientBooleanConverter() },
    };

    public static T Read<T>(JsonObject settings) where T : new()
    {
        var node = settings[typeof(T).Name];
        return node is null ? new T() : node.Deserialize<T>(Options) ?? new T();
    }

    public static void Write<T>(JsonObject settings, T value) =>
        settings[typeof(T).Name] = JsonSerializer.SerializeToNode(value, Options);

    private sealed class LenientBooleanConverter : JsonConverter<bool>
    {
        public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType switch
            {
                JsonTokenType.True => true,
                JsonTokenType.False => false,
                JsonTokenType.String => bool.TryParse(reader.GetString(), out var b) && b,
                JsonTokenType.Number => reader.GetDouble() != 0,
                _ => throw new JsonException($"Expected a boolean but found {reader.TokenType}."),
            };

        public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) =>
            writer.WriteBooleanValue(value);
    }

    internal static int ParsePosition(string? position) =>
        int.TryParse(position, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : int.MaxValue;
}
