using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Lucene.Net.Documents;
using OneDigital.Content.Definitions;
using OneDigital.Content.Fields;
using OneDigital.Content.Indexing;
using OneDigital.Content.Items;
using OneDigital.Search.Indexes;

namespace OneDigital.Search.Documents;

/// <summary>Turns a content item version into its Lucene document for an index profile (names: <see cref="IndexFieldNames"/>).</summary>
public static class ContentDocumentBuilder
{
    /// <summary>Whether the profile indexes items of this type and culture (the version is chosen by the caller).</summary>
    public static bool Selects(IndexProfileSettings profile, ContentItem item)
    {
        if (!profile.ContentTypes.Contains(item.ContentType))
        {
            return false;
        }
        if (profile.Culture is null)
        {
            return true;
        }
        // Items without a culture are in every culture's index, as in Orchard.
        var culture = ContentFieldKinds.Text(item.Part("LocalizationPart")?["Culture"]);
        return culture is null || string.Equals(culture, profile.Culture, StringComparison.OrdinalIgnoreCase);
    }

    public static Document Build(ContentItem item, ContentDefinitionDocument definitions, IndexProfileSettings profile)
    {
        var doc = new Document();
        var fullText = new StringBuilder();
        Keyword(doc, IndexFieldNames.ContentItemId, item.ContentItemId);
        Keyword(doc, IndexFieldNames.ContentItemVersionId, item.ContentItemVersionId);
        Keyword(doc, IndexFieldNames.ContentType, item.ContentType);
        Keyword(doc, IndexFieldNames.ContentTypeKeyword, item.ContentType);
        if (item.DisplayText is { Length: > 0 } title)
        {
            Keyword(doc, IndexFieldNames.DisplayText, title);
            Text(doc, IndexFieldNames.DisplayTextAnalyzed, title);
            Keyword(doc, IndexFieldNames.DisplayTextKeyword, title);
            Keyword(doc, IndexFieldNames.DisplayTextNormalized, Normalize(title));
            fullText.Append(title).Append('\n');
        }
        Keyword(doc, IndexFieldNames.Published, item.Published ? "true" : "false");
        Keyword(doc, IndexFieldNames.Latest, item.Latest ? "true" : "false");
        Date(doc, IndexFieldNames.CreatedUtc, item.CreatedUtc);
        Date(doc, IndexFieldNames.ModifiedUtc, item.ModifiedUtc);
        Date(doc, IndexFieldNames.PublishedUtc, item.PublishedUtc);
        Keyword(doc, IndexFieldNames.Owner, item.Owner);
        Keyword(doc, IndexFieldNames.Author, item.Author);

        AddParts(doc, item, fullText);
        AddFields(doc, item, definitions, fullText);

        if (fullText.Length > 0)
        {
            doc.Add(new TextField(IndexFieldNames.FullText, fullText.ToString(), Field.Store.NO));
        }
        if (profile.StoreSourceData)
        {
            doc.Add(new StoredField(IndexFieldNames.Source, item.ToJson()));
        }
        return doc;
    }

    private static void AddParts(Document doc, ContentItem item, StringBuilder fullText)
    {
        // The title and the body are analyzed once each as DisplayText.Analyzed and BodyAspect.Body (plus the full
        // text): analysis is most of what a rebuild costs, so the parts' own properties are not analyzed again.
        Keyword(doc, IndexFieldNames.Path, ContentFieldKinds.Text(item.Part("AutoroutePart")?["Path"]));
        Keyword(doc, IndexFieldNames.Alias, ContentFieldKinds.Text(item.Part("AliasPart")?["Alias"]));
        if (item.Part("ContainedPart") is { } contained)
        {
            Keyword(doc, IndexFieldNames.ListContentItemId, ContentFieldKinds.Text(contained["ListContentItemId"]));
            if (ContentFieldKinds.Number(contained["Order"]) is { } order) doc.Add(new DoubleField(IndexFieldNames.ListOrder, order, Field.Store.YES));
        }
        var markdown = PlainText.FromMarkdown(ContentFieldKinds.Text(item.Part("MarkdownBodyPart")?["Markdown"]));
        var html = PlainText.FromHtml(ContentFieldKinds.Text(item.Part("HtmlBodyPart")?["Html"]));
        var body = markdown.Length > 0 && html.Length > 0 ? markdown + "\n" + html : markdown + html;
        if (body.Length > 0)
        {
            Text(doc, IndexFieldNames.Body, body);
            fullText.Append(body).Append('\n');
        }
    }

    private static void AddFields(Document doc, ContentItem item, ContentDefinitionDocument definitions, StringBuilder fullText)
    {
        if (definitions.Type(item.ContentType) is not { } type)
        {
            return;
        }
        foreach (var typePart in type.Parts)
        {
            if (definitions.Part(typePart.PartName) is not { } part || item.Part(typePart.Name) is not { } partJson)
            {
                continue;
            }
            foreach (var field in part.Fields)
            {
                if (partJson[field.Name] is not JsonObject fieldJson)
                {
                    continue;
                }
                var name = $"{typePart.Name}.{field.Name}";
                foreach (var mapping in FieldMappings.For(field.FieldName))
                {
                    foreach (var value in mapping.Values(fieldJson))
                    {
                        Add(doc, name + mapping.Suffix, mapping.Kind, value);
                        if (mapping.FullText) fullText.Append(value).Append('\n');
                    }
                }
            }
        }
    }

    private static void Add(Document doc, string name, IndexFieldKind kind, object value)
    {
        switch (kind)
        {
            case IndexFieldKind.Keyword:
                Keyword(doc, name, (string)value);
                break;
            case IndexFieldKind.Text:
                Text(doc, name, (string)value);
                break;
            case IndexFieldKind.Number:
                doc.Add(new DoubleField(name, (double)value, Field.Store.YES));
                break;
            case IndexFieldKind.DateTicks:
                Date(doc, name, (DateTime)value);
                break;
        }
    }

    private static void Keyword(Document doc, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value)) doc.Add(new StringField(name, value, Field.Store.YES));
    }

    // Stored, so that search results can show highlighted snippets without loading the items.
    private static void Text(Document doc, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value)) doc.Add(new TextField(name, value, Field.Store.YES));
    }

    private static void Date(Document doc, string name, DateTime? value)
    {
        if (value is { } d) doc.Add(new Int64Field(name, DateTime.SpecifyKind(d, DateTimeKind.Utc).Ticks, Field.Store.YES));
    }

    /// <summary>Lower case without diacritics: "Café Été" → "cafe ete" (Orchard's DisplayText.Normalized).</summary>
    public static string Normalize(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var result = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) result.Append(c);
        }
        return result.ToString().Normalize(NormalizationForm.FormC);
    }
}
