using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OneDigital.Content.Store;

namespace OneDigital.Content.Items;

/// <summary>
/// A content item version in Orchard's JSON shape. The JSON object is the item: metadata properties and one
/// property per part, so unknown parts and fields round-trip untouched.
/// </summary>
public sealed class ContentItem
{
    public ContentItem(JsonObject data) => Data = data;

    /// <summary>
    /// A new item of a type as Orchard's content manager makes one: a new id, empty metadata and every part of the type.
    /// An item nested in a Bag or Flow has no version of its own (<paramref name="versioned"/> false).
    /// </summary>
    public static ContentItem New(string contentType, IEnumerable<string> partNames, bool versioned = true)
    {
        var item = new ContentItem(new JsonObject
        {
            ["ContentItemId"] = IdGenerator.NewId(),
            ["ContentItemVersionId"] = versioned ? IdGenerator.NewId() : null,
            ["ContentType"] = contentType,
            ["DisplayText"] = null,
            ["Latest"] = false,
            ["Published"] = false,
            ["ModifiedUtc"] = null,
            ["PublishedUtc"] = null,
            ["CreatedUtc"] = null,
            ["Owner"] = null,
            ["Author"] = null,
        });
        foreach (var part in partNames) item.GetOrCreatePart(part);
        return item;
    }

    public JsonObject Data { get; }

    public string ContentItemId { get => GetString(nameof(ContentItemId)) ?? ""; set => Data[nameof(ContentItemId)] = value; }
    public string ContentItemVersionId { get => GetString(nameof(ContentItemVersionId)) ?? ""; set => Data[nameof(ContentItemVersionId)] = value; }
    public string ContentType { get => GetString(nameof(ContentType)) ?? ""; set => Data[nameof(ContentType)] = value; }
    public string? DisplayText { get => GetString(nameof(DisplayText)); set => Data[nameof(DisplayText)] = value; }
    public bool Latest { get => GetBool(nameof(Latest)); set => Data[nameof(Latest)] = value; }
    public bool Published { get => GetBool(nameof(Published)); set => Data[nameof(Published)] = value; }
    public DateTime? ModifiedUtc { get => GetDate(nameof(ModifiedUtc)); set => SetDate(nameof(ModifiedUtc), value); }
    public DateTime? PublishedUtc { get => GetDate(nameof(PublishedUtc)); set => SetDate(nameof(PublishedUtc), value); }
    public DateTime? CreatedUtc { get => GetDate(nameof(CreatedUtc)); set => SetDate(nameof(CreatedUtc), value); }
    public string? Owner { get => GetString(nameof(Owner)); set => Data[nameof(Owner)] = value; }
    public string? Author { get => GetString(nameof(Author)); set => Data[nameof(Author)] = value; }

    public static readonly IReadOnlySet<string> MetadataProperties = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(ContentItemId), nameof(ContentItemVersionId), nameof(ContentType), nameof(DisplayText),
        nameof(Latest), nameof(Published), nameof(ModifiedUtc), nameof(PublishedUtc), nameof(CreatedUtc),
        nameof(Owner), nameof(Author),
    };

    public JsonObject? Part(string partName) => Data[partName] as JsonObject;

    public JsonObject GetOrCreatePart(string partName)
    {
        if (Data[partName] is JsonObject part)
        {
            return part;
        }
        part = [];
        Data[partName] = part;
        return part;
    }

    /// <summary>The parts and fields, without the version metadata: what an edit changes.</summary>
    public IEnumerable<KeyValuePair<string, JsonNode?>> Content =>
        Data.Where(p => !MetadataProperties.Contains(p.Key));

    public ContentItem Clone() => new((JsonObject)Data.DeepClone());

    public string ToJson(bool indented = false) =>
        Data.ToJsonString(indented ? ContentJson.Indented : ContentJson.Compact);

    public static ContentItem Parse(string json) =>
        new(JsonNode.Parse(json, documentOptions: ContentJson.Document) as JsonObject
            ?? throw new JsonException("A content item must be a JSON object."));

    private string? GetString(string name) => Data[name] is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    private bool GetBool(string name) => Data[name] is JsonValue v && v.TryGetValue(out bool b) && b;

    private DateTime? GetDate(string name)
    {
        if (Data[name] is not JsonValue v)
        {
            return null;
        }
        if (v.TryGetValue(out DateTime d))
        {
            return DateTime.SpecifyKind(d.Kind == DateTimeKind.Local ? d.ToUniversalTime() : d, DateTimeKind.Utc);
        }
        return v.TryGetValue(out string? s) && DateTime.TryParse(s, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out d) ? d : null;
    }

    private void SetDate(string name, DateTime? value) =>
        Data[name] = value is null ? null : DateTime.SpecifyKind(value.Value, DateTimeKind.Utc);
}
