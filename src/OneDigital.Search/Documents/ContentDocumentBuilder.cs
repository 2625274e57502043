using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using OneDigital.Content.Definitions;
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
        var culture = JsonValues.NonEmptyString(item.Part("LocalizationPart")?["Culture"]);
        return culture is null || string.Equals(culture, profile.Culture, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The item's document. With <paramref name="reuse"/> (one per writing thread) the document, its keyword and
    /// numeric fields are the previous document's, which must have been added to the writer already, and texts are analyzed
    /// here once each for their own field and the full text (<see cref="AnalyzedTexts"/>): such a document must be
    /// indexed with the reuse's analyzer.
    /// </summary>
    public static Document Build(ContentItem item, ContentDefinitionDocument definitions, IndexProfileSettings profile, ReusableFields? reuse = null)
    {
        var doc = reuse?.NextDocument() ?? new Document();
        var fields = new DocumentFields(doc, reuse);
        fields.Keyword(IndexFieldNames.ContentItemId, item.ContentItemId);
        fields.Keyword(IndexFieldNames.ContentItemVersionId, item.ContentItemVersionId);
        fields.Keyword(IndexFieldNames.ContentType, item.ContentType);
        fields.Keyword(IndexFieldNames.ContentTypeKeyword, item.ContentType);
        if (item.DisplayText is { Length: > 0 } title)
        {
            fields.Keyword(IndexFieldNames.DisplayText, title);
            fields.Text(IndexFieldNames.DisplayTextAnalyzed, title, fullText: true);
            fields.Keyword(IndexFieldNames.DisplayTextKeyword, title);
            fields.Keyword(IndexFieldNames.DisplayTextNormalized, Normalize(title));
        }
        fields.Keyword(IndexFieldNames.Published, item.Published ? "true" : "false");
        fields.Keyword(IndexFieldNames.Latest, item.Latest ? "true" : "false");
        fields.Date(IndexFieldNames.CreatedUtc, item.CreatedUtc);
        fields.Date(IndexFieldNames.ModifiedUtc, item.ModifiedUtc);
        fields.Date(IndexFieldNames.PublishedUtc, item.PublishedUtc);
        fields.Keyword(IndexFieldNames.Owner, item.Owner);
        fields.Keyword(IndexFieldNames.Author, item.Author);

        AddParts(fields, item);
        AddFields(fields, item, definitions);
        fields.AddFullText();
        if (profile.StoreSourceData)
        {
            doc.Add(new StoredField(IndexFieldNames.Source, item.ToJson()));
        }
        return doc;
    }

    private static void AddParts(DocumentFields fields, ContentItem item)
    {
        // The title and the body are analyzed once each as DisplayText.Analyzed and BodyAspect.Body (plus the full
        // text): analysis is most of what a rebuild costs, so the parts' own properties are not analyzed again.
        fields.Keyword(IndexFieldNames.Path, JsonValues.NonEmptyString(item.Part("AutoroutePart")?["Path"]));
        fields.Keyword(IndexFieldNames.Alias, JsonValues.NonEmptyString(item.Part("AliasPart")?["Alias"]));
        if (item.Part("ContainedPart") is { } contained)
        {
            fields.Keyword(IndexFieldNames.ListContentItemId, JsonValues.NonEmptyString(contained["ListContentItemId"]));
            if (JsonValues.Number(contained["Order"]) is { } order) fields.Number(IndexFieldNames.ListOrder, order);
        }
        var markdown = PlainText.FromMarkdown(JsonValues.NonEmptyString(item.Part("MarkdownBodyPart")?["Markdown"]));
        var html = PlainText.FromHtml(JsonValues.NonEmptyString(item.Part("HtmlBodyPart")?["Html"]));
        var body = markdown.Length > 0 && html.Length > 0 ? markdown + "\n" + html : markdown + html;
        if (body.Length > 0)
        {
            fields.Text(IndexFieldNames.Body, body, fullText: true);
        }
    }

    private static void AddFields(DocumentFields fields, ContentItem item, ContentDefinitionDocument definitions)
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
                if (field.Kind is not { } kind || partJson[field.Name] is not JsonObject fieldJson)
                {
                    continue;
                }
                var name = $"{typePart.Name}.{field.Name}";
                foreach (var mapping in FieldMappings.For(kind))
                {
                    foreach (var value in mapping.Values(fieldJson))
                    {
                        fields.Add(name + mapping.Suffix, mapping.Kind, value, mapping.FullText);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Adds fields to one document, new or reused (<see cref="ReusableFields"/>), and gathers its full text: the
    /// title, body and text fields joined by new lines, or with an analyzer to replay, their analyzed segments.
    /// </summary>
    private sealed class DocumentFields(Document doc, ReusableFields? reuse)
    {
        private readonly Analyzer? _analyzer = reuse?.Analyzer;
        private readonly StringBuilder _fullText = new();
        private readonly List<int> _fullTextSegments = [];

        public void Add(string name, IndexFieldKind kind, object value, bool fullText)
        {
            switch (kind)
            {
                case IndexFieldKind.Keyword:
                    Keyword(name, (string)value);
                    if (fullText) AppendFullText((string)value);
                    break;
                case IndexFieldKind.Text:
                    Text(name, (string)value, fullText);
                    break;
                case IndexFieldKind.Number:
                    Number(name, (double)value);
                    break;
                case IndexFieldKind.DateTicks:
                    Date(name, (DateTime)value);
                    break;
            }
        }

        public void Keyword(string name, string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            doc.Add(reuse is null ? new StringField(name, value, Field.Store.YES) : reuse.String(name, value));
        }

        // Stored, so that search results can show highlighted snippets without loading the items.
        public void Text(string name, string? value, bool fullText = false)
        {
            if (string.IsNullOrEmpty(value)) return;
            if (_analyzer is null)
            {
                doc.Add(new TextField(name, value, Field.Store.YES));
                if (fullText) _fullText.Append(value).Append('\n');
                return;
            }
            var segment = reuse!.Texts.Analyze(_analyzer, name, value);
            doc.Add(new StoredField(name, value));
            doc.Add(reuse.Replayed(name, [segment]));
            if (fullText) _fullTextSegments.Add(segment);
        }

        private void AppendFullText(string value)
        {
            if (_analyzer is null) _fullText.Append(value).Append('\n');
            else _fullTextSegments.Add(reuse!.Texts.Analyze(_analyzer, IndexFieldNames.FullText, value));
        }

        public void AddFullText()
        {
            if (_fullTextSegments.Count > 0)
            {
                doc.Add(reuse!.Replayed(IndexFieldNames.FullText, _fullTextSegments));
            }
            else if (_fullText.Length > 0)
            {
                doc.Add(new TextField(IndexFieldNames.FullText, _fullText.ToString(), Field.Store.NO));
            }
        }

        public void Number(string name, double value) =>
            doc.Add(reuse is null ? NumericFields.Double(name, value) : reuse.Double(name, value));

        public void Date(string name, DateTime? value)
        {
            if (value is not { } d) return;
            var ticks = DateTime.SpecifyKind(d, DateTimeKind.Utc).Ticks;
            doc.Add(reuse is null ? NumericFields.Int64(name, ticks) : reuse.Int64(name, ticks));
        }
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
