using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using OneDigital.Content.Items;
using OneDigital.Content.Store;

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

    // Settings are read on every save of every item; definitions change rarely. A bag's typed views are cached until
    // Write changes it (definitions are replaced, not edited in place, so a new version brings new bags).
    private static readonly ConditionalWeakTable<JsonObject, ConcurrentDictionary<Type, object>> Cache = new();

    /// <summary>The typed settings in a bag. The object may be shared: read it, don't change it.</summary>
    public static T Read<T>(JsonObject settings) where T : new() =>
        (T)Cache.GetOrCreateValue(settings).GetOrAdd(typeof(T), _ =>
        {
            var node = settings[typeof(T).Name];
            return node is null ? new T() : node.Deserialize<T>(Options) ?? new T();
        });

    public static void Write<T>(JsonObject settings, T value)
    {
        settings[typeof(T).Name] = JsonSerializer.SerializeToNode(value, Options);
        Cache.Remove(settings);
    }

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
