using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using OneDigital.Content.Fields;

namespace OneDigital.Content.Definitions;

/// <summary>
/// All content type and part definitions, stored as one versioned document in Orchard's recipe shape
/// (the same JSON the ContentDefinition step carries), so an export writes it back unchanged.
/// </summary>
public sealed class ContentDefinitionDocument
{
    public int Version { get; set; }
    public List<ContentTypeDefinition> ContentTypes { get; set; } = [];
    public List<ContentPartDefinition> ContentParts { get; set; } = [];

    public ContentTypeDefinition? Type(string name) =>
        ContentTypes.Find(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    public ContentPartDefinition? Part(string name) =>
        ContentParts.Find(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    public void RemoveType(string name) =>
        ContentTypes.RemoveAll(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Removes a part definition and detaches it from every type that uses it.</summary>
    public void RemovePart(string name)
    {
        ContentParts.RemoveAll(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        foreach (var type in ContentTypes)
        {
            type.Parts.RemoveAll(p => string.Equals(p.PartName, name, StringComparison.OrdinalIgnoreCase));
        }
    }
}

public sealed class ContentTypeDefinition
{
    public string Name { get; set; } = "";
    public string? DisplayName { get; set; }
    public JsonObject Settings { get; set; } = [];

    [JsonPropertyName("ContentTypePartDefinitionRecords")]
    public List<ContentTypePartDefinition> Parts { get; set; } = [];

    [JsonIgnore]
    public ContentTypeSettings TypeSettings => SettingsReader.Read<ContentTypeSettings>(Settings);

    /// <summary>Properties this CMS does not read (Orchard's <c>Hidden</c>, a module's own), kept as given for the export.</summary>
    [JsonExtensionData]
    public Dictionary<string, System.Text.Json.JsonElement>? Other { get; set; }

    public ContentTypePartDefinition? Part(string instanceName) =>
        Parts.Find(p => string.Equals(p.Name, instanceName, StringComparison.Ordinal));

    public bool HasPart(string partName) =>
        Parts.Exists(p => string.Equals(p.PartName, partName, StringComparison.Ordinal));
}

public sealed class ContentTypePartDefinition
{
    /// <summary>The part definition's name (TitlePart, or a field-holding part such as BlogPost).</summary>
    public string PartName { get; set; } = "";

    /// <summary>The part's name on this type: the property that holds it in an item's JSON.</summary>
    public string Name { get; set; } = "";

    public JsonObject Settings { get; set; } = [];

    public T GetSettings<T>() where T : new() => SettingsReader.Read<T>(Settings);

    /// <summary>Properties this CMS does not read (Orchard's <c>Hidden</c>, a module's own), kept as given for the export.</summary>
    [JsonExtensionData]
    public Dictionary<string, System.Text.Json.JsonElement>? Other { get; set; }
}

public sealed class ContentPartDefinition
{
    public string Name { get; set; } = "";
    public JsonObject Settings { get; set; } = [];

    [JsonPropertyName("ContentPartFieldDefinitionRecords")]
    public List<ContentPartFieldDefinition> Fields { get; set; } = [];

    public ContentPartFieldDefinition? Field(string name) =>
        Fields.Find(f => string.Equals(f.Name, name, StringComparison.Ordinal));

    /// <summary>Properties this CMS does not read (Orchard's <c>Hidden</c>, a module's own), kept as given for the export.</summary>
    [JsonExtensionData]
    public Dictionary<string, System.Text.Json.JsonElement>? Other { get; set; }
}

public sealed class ContentPartFieldDefinition
{
    private string _fieldName = "";

    /// <summary>The field kind by Orchard's name: TextField, NumericField, ...</summary>
    public string FieldName
    {
        get => _fieldName;
        set
        {
            _fieldName = value;
            Kind = FieldKinds.Find(value);
        }
    }

    /// <summary>The kind <see cref="FieldName"/> names, looked up once; null for a name the engine does not know.</summary>
    [JsonIgnore]
    public FieldKind? Kind { get; private set; }

    public string Name { get; set; } = "";
    public JsonObject Settings { get; set; } = [];

    public T GetSettings<T>() where T : new() => SettingsReader.Read<T>(Settings);

    /// <summary>Properties this CMS does not read (Orchard's <c>Hidden</c>, a module's own), kept as given for the export.</summary>
    [JsonExtensionData]
    public Dictionary<string, System.Text.Json.JsonElement>? Other { get; set; }
}
