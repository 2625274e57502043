using System.Globalization;
using System.Text.Json;

namespace OneDigital.Benchmarks.Seeding;

/// <summary>
/// Writes the peer benchmark's recipe, streamed to a file (never whole in memory): the <c>PeerPost</c> type (title,
/// path <c>posts/&lt;slug&gt;</c>, summary, topic from a taxonomy, related posts, markdown body), the <c>PeerTopic</c>
/// taxonomy, a Lucene index of the posts (<c>Peer</c>), and the posts, published an hour apart so "newest" has one order.
/// </summary>
public static class PeerRecipe
{
    public const string IndexName = "Peer";
    public const string TaxonomyId = "peertopics0000000000000000";
    private static readonly DateTime Epoch = new(2015, 1, 1, 9, 0, 0, DateTimeKind.Utc);

    public static string PostId(int index) => $"peerpost{index:D18}";

    private static string TopicId(int index) => $"peertopic{index:D17}";

    public static async Task WriteAsync(string path, int first, int count, bool withDefinitions, CancellationToken ct)
    {
        await using var stream = File.Create(path);
        await using var json = new Utf8JsonWriter(stream);
        var text = new SampleText(seed: 16 + first);
        json.WriteStartObject();
        json.WriteString("name", "peer-benchmark");
        json.WriteStartArray("steps");
        if (withDefinitions)
        {
            WriteDefinitions(json);
            WriteIndexProfile(json);
            WriteTaxonomy(json);
        }
        json.WriteStartObject();
        json.WriteString("name", "content");
        json.WriteStartArray("Data");
        for (var i = first; i < first + count; i++)
        {
            WritePost(json, i, text);
            if (json.BytesPending > 1 << 16)
            {
                await json.FlushAsync(ct);
            }
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteDefinitions(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("name", "ContentDefinition");
        json.WriteStartArray("ContentTypes");
        WriteType(json, "PeerTopic", ["TitlePart"]);
        WriteType(json, "PeerPost", ["TitlePart", "AutoroutePart", "MarkdownBodyPart", "PeerPost"]);
        json.WriteEndArray();
        json.WriteStartArray("ContentParts");
        json.WriteStartObject();
        json.WriteString("Name", "PeerPost");
        json.WriteStartObject("Settings");
        json.WriteEndObject();
        json.WriteStartArray("ContentPartFieldDefinitionRecords");
        WriteField(json, "TextField", "Summary", 0, null);
        WriteField(json, "TaxonomyField", "Topic", 1, settings =>
        {
            settings.WriteStartObject("TaxonomyFieldSettings");
            settings.WriteString("TaxonomyContentItemId", TaxonomyId);
            settings.WriteBoolean("Unique", true);
            settings.WriteEndObject();
        });
        WriteField(json, "ContentPickerField", "Related", 2, settings =>
        {
            settings.WriteStartObject("ContentPickerFieldSettings");
            settings.WriteBoolean("Multiple", true);
            settings.WriteStartArray("DisplayedContentTypes");
            settings.WriteStringValue("PeerPost");
            settings.WriteEndArray();
            settings.WriteEndObject();
        });
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>A Lucene index of the posts alone, so the rebuild measured is of exactly the items imported.</summary>
    private static void WriteIndexProfile(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("name", "CreateOrUpdateIndexProfile");
        json.WriteStartArray("indexes");
        json.WriteStartObject();
        json.WriteString("Name", IndexName);
        json.WriteString("IndexName", IndexName);
        json.WriteString("ProviderName", "Lucene");
        json.WriteString("Type", "Content");
        json.WriteStartObject("Properties");
        json.WriteStartObject("ContentIndexMetadata");
        json.WriteBoolean("IndexLatest", false);
        json.WriteStartArray("IndexedContentTypes");
        json.WriteStringValue("PeerPost");
        json.WriteEndArray();
        json.WriteString("Culture", "any");
        json.WriteEndObject();
        json.WriteStartObject("LuceneIndexMetadata");
        json.WriteString("AnalyzerName", "englishanalyzer");
        json.WriteBoolean("StoreSourceData", false);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteType(Utf8JsonWriter json, string name, string[] parts)
    {
        json.WriteStartObject();
        json.WriteString("Name", name);
        json.WriteString("DisplayName", name);
        json.WriteStartObject("Settings");
        json.WriteStartObject("ContentTypeSettings");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("ContentTypePartDefinitionRecords");
        for (var i = 0; i < parts.Length; i++)
        {
            json.WriteStartObject();
            json.WriteString("PartName", parts[i]);
            json.WriteString("Name", parts[i]);
            json.WriteStartObject("Settings");
            json.WriteStartObject("ContentTypePartSettings");
            json.WriteString("Position", i.ToString(CultureInfo.InvariantCulture));
            json.WriteEndObject();
            if (parts[i] == "AutoroutePart")
            {
                json.WriteStartObject("AutoroutePartSettings");
                json.WriteBoolean("AllowCustomPath", true);
                json.WriteString("Pattern", "posts/{{ Model.ContentItem | display_text | slugify }}");
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteField(Utf8JsonWriter json, string kind, string name, int position, Action<Utf8JsonWriter>? settings)
    {
        json.WriteStartObject();
        json.WriteString("FieldName", kind);
        json.WriteString("Name", name);
        json.WriteStartObject("Settings");
        json.WriteStartObject("ContentPartFieldSettings");
        json.WriteString("DisplayName", name);
        json.WriteString("Position", position.ToString(CultureInfo.InvariantCulture));
        json.WriteEndObject();
        settings?.Invoke(json);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteTaxonomy(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("name", "content");
        json.WriteStartArray("Data");
        json.WriteStartObject();
        WriteItemHead(json, TaxonomyId, "Taxonomy", "Peer topics", Epoch);
        json.WriteStartObject("TaxonomyPart");
        json.WriteString("TermContentType", "PeerTopic");
        json.WriteStartArray("Terms");
        for (var t = 0; t < Topics; t++)
        {
            json.WriteStartObject();
            json.WriteString("ContentItemId", TopicId(t));
            json.WriteString("ContentType", "PeerTopic");
            json.WriteString("DisplayText", $"Topic {t + 1}");
            json.WriteStartObject("TitlePart");
            json.WriteString("Title", $"Topic {t + 1}");
            json.WriteEndObject();
            json.WriteStartObject("TermPart");
            json.WriteString("TaxonomyContentItemId", TaxonomyId);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private const int Topics = 12;

    private static void WriteItemHead(Utf8JsonWriter json, string id, string type, string title, DateTime published)
    {
        var stamp = published.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        json.WriteString("ContentItemId", id);
        json.WriteString("ContentType", type);
        json.WriteString("DisplayText", title);
        json.WriteBoolean("Latest", true);
        json.WriteBoolean("Published", true);
        json.WriteString("CreatedUtc", stamp);
        json.WriteString("ModifiedUtc", stamp);
        json.WriteString("PublishedUtc", stamp);
        json.WriteString("Owner", "[js: parameters('AdminUserId')]");
        json.WriteString("Author", "[js: parameters('AdminUsername')]");
        json.WriteStartObject("TitlePart");
        json.WriteString("Title", title);
        json.WriteEndObject();
    }

    private static void WritePost(Utf8JsonWriter json, int index, SampleText text)
    {
        json.WriteStartObject();
        WriteItemHead(json, PostId(index), "PeerPost", $"Peer post {index}: {SampleText.Title(index)}", Epoch.AddHours(index));
        json.WriteStartObject("AutoroutePart");
        json.WriteString("Path", $"posts/peer-post-{index}");
        json.WriteEndObject();
        json.WriteStartObject("MarkdownBodyPart");
        json.WriteString("Markdown", text.Markdown());
        json.WriteEndObject();
        json.WriteStartObject("PeerPost");
        json.WriteStartObject("Summary");
        json.WriteString("Text", text.Summary());
        json.WriteEndObject();
        json.WriteStartObject("Topic");
        json.WriteString("TaxonomyContentItemId", TaxonomyId);
        json.WriteStartArray("TermContentItemIds");
        json.WriteStringValue(TopicId(index % Topics));
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartObject("Related");
        json.WriteStartArray("ContentItemIds");
        for (var r = Math.Max(0, index - 2); r < index; r++)
        {
            json.WriteStringValue(PostId(r));
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
