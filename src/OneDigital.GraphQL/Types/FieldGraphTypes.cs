using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Types;
using OneDigital.Content.Definitions;
using OneDigital.Content.Html;
using OneDigital.Content.Items;
using OneDigital.GraphQL.Schema;
using static OneDigital.GraphQL.Schema.FieldFactory;

namespace OneDigital.GraphQL.Types;

/// <summary>
/// The GraphQL type of each content field kind (TextField { text }, MediaField { files paths urls ... }, ...), one
/// per schema, created when a field of the kind first appears. Content pickers and taxonomy fields load their items
/// through the execution's batch loaders.
/// </summary>
internal sealed class FieldGraphTypes(SchemaBuildContext schema)
{
    private readonly Dictionary<string, ObjectGraphType?> _types = new(StringComparer.Ordinal);
    private SchemaScalars S => schema.Scalars;

    /// <summary>The type for a field kind, or null for kinds the schema does not expose.</summary>
    public ObjectGraphType? For(string kind)
    {
        if (!_types.TryGetValue(kind, out var type))
        {
            type = Create(kind);
            if (type is not null) schema.TypeNames.Add(type.Name);
            _types[kind] = type;
        }
        return type;
    }

    private ObjectGraphType? Create(string kind) => kind switch
    {
        "TextField" => Type(kind, "A text field.", Field("text", S.String, c => Str(c, "Text"), "The text.")),
        // Sanitized again on the way out: items stored before sanitizing on save, or imported past it, are served safe too.
        "HtmlField" => Type(kind, "An HTML field.", Field("html", S.String,
            c => ((FieldSource)c.Source!).Definition.GetSettings<HtmlFieldSettings>().SanitizeHtml ? ContentHtml.Sanitize(Str(c, "Html")) : Str(c, "Html"),
            "The HTML, sanitized unless the field's SanitizeHtml setting is off.")),
        "MarkdownField" => Type(kind, "A markdown field.",
            Field("markdown", S.String, c => Str(c, "Markdown"), "The markdown source."),
            Field("html", S.String, c => MarkdownHtml.Render(Str(c, "Markdown")), "The markdown rendered as sanitized HTML.")),
        "NumericField" => Type(kind, "A number field.", Field("value", S.Decimal, c => Number(Json(c)["Value"]), "The number.")),
        "BooleanField" => Type(kind, "A yes/no field.", Field("value", S.Boolean, c => Json(c)["Value"] is JsonValue v && v.TryGetValue(out bool b) ? b : null, "The value.")),
        "DateField" => Type(kind, "A date field.", Field("value", S.DateTime, c => Content.Fields.ContentFieldKinds.Date(Json(c)["Value"]), "The date.")),
        "DateTimeField" => Type(kind, "A date and time field.", Field("value", S.DateTime, c => Content.Fields.ContentFieldKinds.Date(Json(c)["Value"]), "The date and time (UTC).")),
        "TimeField" => Type(kind, "A time of day field.", Field("value", S.String, c => Str(c, "Value"), "The time of day (hh:mm:ss).")),
        "LinkField" => Type(kind, "A link field.",
            Field("url", S.String, c => Str(c, "Url"), "The link's address."),
            Field("text", S.String, c => Str(c, "Text"), "The link's text."),
            Field("target", S.String, c => Str(c, "Target"), "The link's target (_blank...).")),
        "MediaField" => Media(),
        "ContentPickerField" => ContentPicker(),
        "TaxonomyField" => Taxonomy(),
        "UserPickerField" => Type(kind, "A user picker field.",
            Field("userIds", S.List(S.String), c => c.Page(JsonValues.Strings(Json(c)["UserIds"])), "The ids of the picked users.").Paged(S)),
        "MultiTextField" => Type(kind, "A field of several texts.",
            Field("values", S.List(S.String), c => JsonValues.Strings(Json(c)["Values"]), "The texts.")),
        "YoutubeField" => Type(kind, "A YouTube video field.",
            Field("embeddedAddress", S.String, c => Str(c, "EmbeddedAddress"), "The embedding address."),
            Field("rawAddress", S.String, c => Str(c, "RawAddress"), "The address as entered.")),
        _ => null,
    };

    private ObjectGraphType Media()
    {
        var file = new ObjectGraphType { Name = schema.UniqueTypeName("MediaFile", "Item"), Description = "A file of a media field." };
        file.AddField(Field("fileName", S.String, c => Path.GetFileName(((MediaFile)c.Source!).Path), "The file's name."));
        file.AddField(Field("path", S.String, c => ((MediaFile)c.Source!).Path, "The path in the media library."));
        file.AddField(Field("url", S.String, c => MediaUrl(((MediaFile)c.Source!).Path), "The public address of the file."));
        file.AddField(Field("mediaText", S.String, c => ((MediaFile)c.Source!).MediaText, "The file's alternative text."));
        return Type("MediaField", "A media field: files from the media library.",
            Field("files", S.List(file), c => c.Page(Files(c)), "The files, with their names, addresses and texts.").Paged(S),
            Field("paths", S.List(S.String), c => c.Page(Files(c).Select(f => f.Path)), "The paths in the media library (legacy).").Paged(S),
            Field("urls", S.List(S.String), c => c.Page(Files(c).Select(f => MediaUrl(f.Path))), "The public addresses (legacy).").Paged(S),
            Field("fileNames", S.List(S.String), c => c.Page(Files(c).Select(f => Path.GetFileName(f.Path))), "The file names (legacy).").Paged(S),
            Field("mediatexts", S.List(S.String), c => c.Page(Files(c).Select(f => f.MediaText)), "The alternative texts (legacy).").Paged(S));
    }

    private sealed record MediaFile(string Path, string? MediaText);

    private static IEnumerable<MediaFile> Files(IResolveFieldContext c)
    {
        var json = Json(c);
        var texts = JsonValues.Strings(json["MediaTexts"]);
        return JsonValues.Strings(json["Paths"]).Select((p, i) => new MediaFile(p, i < texts.Length ? texts[i] : null));
    }

    private static string MediaUrl(string path) => "/media/" + path.TrimStart('/');

    private ObjectGraphType ContentPicker() => Type("ContentPickerField", "A content picker field.",
        Field("contentItemIds", S.List(S.String), c => c.Page(JsonValues.Strings(Json(c)["ContentItemIds"])), "The ids of the picked items.").Paged(S),
        Field("contentItems", S.List(schema.ContentItem), c =>
        {
            var user = GraphQLUserContext.From(c);
            var results = c.Page(JsonValues.Strings(Json(c)["ContentItemIds"])).Select(user.Loaders.Published.Load).ToList();
            return Deferred(async ct => await schema.ViewableAsync(user, await Task.WhenAll(results.Select(r => r.GetResultAsync(ct))), ct));
        }, "The published picked items the caller may view, in the picked order.").Paged(S));

    private ObjectGraphType Taxonomy() => Type("TaxonomyField", "A taxonomy field: terms of a taxonomy.",
        Field("taxonomyContentItemId", S.String, c => TaxonomyId(c), "The id of the taxonomy the terms come from."),
        Field("termContentItemIds", S.List(S.String), c => c.Page(JsonValues.Strings(Json(c)["TermContentItemIds"])), "The ids of the chosen terms.").Paged(S),
        Field("termContentItems", S.List(schema.ContentItem), c =>
        {
            var ids = c.Page(JsonValues.Strings(Json(c)["TermContentItemIds"])).ToList();
            if (TaxonomyId(c) is not { } taxonomyId) return Array.Empty<ContentItem>();
            var user = GraphQLUserContext.From(c);
            var taxonomy = user.Loaders.Published.Load(taxonomyId);
            return Deferred(async ct =>
            {
                var loaded = await taxonomy.GetResultAsync(ct);
                if (loaded is null || (await schema.ViewableAsync(user, [loaded], ct)).Count == 0) return [];
                var terms = Terms(loaded).ToDictionary(t => t.ContentItemId, StringComparer.Ordinal);
                return ids.Where(terms.ContainsKey).Select(id => terms[id]).Where(schema.IsExposed).ToList();
            });
        }, "The chosen terms (content items kept in the taxonomy), in the chosen order.").Paged(S),
        Field("taxonomyContentItem", schema.ContentItem, c =>
        {
            if (TaxonomyId(c) is not { } taxonomyId) return null;
            var user = GraphQLUserContext.From(c);
            var taxonomy = user.Loaders.Published.Load(taxonomyId);
            return Deferred(async ct => (await schema.ViewableAsync(user, [await taxonomy.GetResultAsync(ct)], ct)).FirstOrDefault());
        }, "The taxonomy the terms come from."));

    /// <summary>The terms of a taxonomy item, nested ones included.</summary>
    public static IEnumerable<ContentItem> Terms(ContentItem taxonomy)
    {
        var pending = new Stack<JsonNode?>(taxonomy.Part("TaxonomyPart")?["Terms"] as JsonArray ?? []);
        while (pending.Count > 0)
        {
            if (pending.Pop() is not JsonObject term) continue;
            yield return new ContentItem(term);
            foreach (var child in term["Terms"] as JsonArray ?? []) pending.Push(child);
        }
    }

    private static string? TaxonomyId(IResolveFieldContext c)
    {
        var source = (FieldSource)c.Source!;
        return JsonValues.String(source.Json["TaxonomyContentItemId"]) is { Length: > 0 } id
            ? id
            : JsonValues.String(source.Definition.Settings["TaxonomyFieldSettings"]?["TaxonomyContentItemId"]) is { Length: > 0 } configured ? configured : null;
    }

    // Resolved after the level's other fields, so their keys share a batch; captures no resolve context, which GraphQL.NET reuses.
    private static object Deferred<T>(Func<CancellationToken, Task<T>> resolve) =>
        new Loading.DeferredResult<T>(resolve);

    private static ObjectGraphType Type(string name, string description, params FieldType[] fields)
    {
        var type = new ObjectGraphType { Name = name, Description = description };
        foreach (var field in fields) type.AddField(field);
        return type;
    }

    private static JsonObject Json(IResolveFieldContext c) => ((FieldSource)c.Source!).Json;

    private static string? Str(IResolveFieldContext c, string property) => JsonValues.String(Json(c)[property]);

    private static decimal? Number(JsonNode? node) =>
        Content.Fields.ContentFieldKinds.Number(node) is { } d ? (decimal)d : null;
}
