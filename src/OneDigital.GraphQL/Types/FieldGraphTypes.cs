using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Types;
using OneDigital.Content.Definitions;
using OneDigital.Content.Fields;
using OneDigital.Content.Html;
using OneDigital.Content.Items;
using OneDigital.Content.Media;
using OneDigital.GraphQL.Schema;
using static OneDigital.GraphQL.Schema.FieldFactory;

namespace OneDigital.GraphQL.Types;

/// <summary>
/// The GraphQL type of each content field kind (TextField { text }, MediaField { files paths urls ... }, ...), one
/// per schema, created when a field of the kind first appears. Content pickers and taxonomy fields load their items
/// through the execution's batch loaders.
/// </summary>
internal sealed class FieldGraphTypes(SchemaBuildContext schema) : IFieldKindVisitor<ObjectGraphType?>
{
    private readonly Dictionary<FieldKind, ObjectGraphType?> _types = [];
    private SchemaScalars S => schema.Scalars;

    /// <summary>The type for a field kind, or null for kinds the schema does not expose.</summary>
    public ObjectGraphType? For(FieldKind kind)
    {
        if (!_types.TryGetValue(kind, out var type))
        {
            type = kind.Accept(this);
            if (type is not null) schema.TypeNames.Add(type.Name);
            _types[kind] = type;
        }
        return type;
    }

    public ObjectGraphType? Text() => Type(FieldKind.Text, "A text field.", Field("text", S.String, c => Str(c, "Text"), "The text."));

    // Sanitized again on the way out: items stored before sanitizing on save, or imported past it, are served safe too.
    public ObjectGraphType? Html() => Type(FieldKind.Html, "An HTML field.", Field("html", S.String,
        c => ((FieldSource)c.Source!).Definition.GetSettings<HtmlFieldSettings>().SanitizeHtml ? ContentHtml.Sanitize(Str(c, "Html")) : Str(c, "Html"),
        "The HTML, sanitized unless the field's SanitizeHtml setting is off."));

    public ObjectGraphType? Markdown() => Type(FieldKind.Markdown, "A markdown field.",
        Field("markdown", S.String, c => Str(c, "Markdown"), "The markdown source."),
        Field("html", S.String, c => MarkdownHtml.Render(Str(c, "Markdown")), "The markdown rendered as sanitized HTML."));

    public ObjectGraphType? Numeric() => Type(FieldKind.Numeric, "A number field.", Field("value", S.Decimal, c => Number(Json(c)["Value"]), "The number."));

    public ObjectGraphType? Boolean() => Type(FieldKind.Boolean, "A yes/no field.", Field("value", S.Boolean, c => Json(c)["Value"] is JsonValue v && v.TryGetValue(out bool b) ? b : null, "The value."));

    // Orchard's Date scalar (yyyy-MM-dd): a date has no time or zone, so the day is read as written.
    public ObjectGraphType? Date() => Type(FieldKind.Date, "A date field.", Field("value", S.Date, c => DateOf(Json(c)["Value"]), "The date."));

    public ObjectGraphType? DateTime() => Type(FieldKind.DateTime, "A date and time field.", Field("value", S.DateTime, c => JsonValues.UtcDateTime(Json(c)["Value"]), "The date and time (UTC)."));

    public ObjectGraphType? Time() => Type(FieldKind.Time, "A time of day field.", Field("value", S.String, c => Str(c, "Value"), "The time of day (hh:mm:ss)."));

    public ObjectGraphType? Link() => Type(FieldKind.Link, "A link field.",
        Field("url", S.String, c => Str(c, "Url"), "The link's address."),
        Field("text", S.String, c => Str(c, "Text"), "The link's text."),
        Field("target", S.String, c => Str(c, "Target"), "The link's target (_blank...)."));

    public ObjectGraphType? UserPicker()
    {
        // Orchard's User type also has email and phoneNumber: a partner reading content is not shown them.
        var user = new ObjectGraphType { Name = schema.UniqueTypeName("User", "Type"), Description = "A user picked in a user picker field: the id and the user name." };
        user.AddField(Field("userId", S.NonNull(S.String), c => ((PickedUser)c.Source!).UserId, "The id of the user."));
        user.AddField(Field("userName", S.String, c => ((PickedUser)c.Source!).UserName, "The name of the user."));
        return Type(FieldKind.UserPicker, "A user picker field.",
            Field("userIds", S.List(S.String), c => c.Page(JsonValues.ScalarTexts(Json(c)["UserIds"])), "The ids of the picked users.").Paged(S),
            Field("users", S.List(user), c =>
            {
                var loads = c.Page(JsonValues.ScalarTexts(Json(c)["UserIds"])).Select(id => (Id: id, Name: GraphQLUserContext.From(c).Loaders.UserNames.Load(id))).ToList();
                return Deferred(async ct =>
                {
                    var users = new List<PickedUser>(loads.Count);
                    foreach (var (id, name) in loads)
                    {
                        if (await name.GetResultAsync(ct) is { } userName) users.Add(new PickedUser(id, userName));
                    }
                    return users;
                });
            }, "The picked users that still exist, in the picked order.").Paged(S),
            Field("firstUser", user, c =>
            {
                if (JsonValues.ScalarTexts(Json(c)["UserIds"]).FirstOrDefault() is not { } id) return null;
                var name = GraphQLUserContext.From(c).Loaders.UserNames.Load(id);
                return Deferred(async ct => await name.GetResultAsync(ct) is { } userName ? new PickedUser(id, userName) : null);
            }, "The first picked user, if it still exists."));
    }

    private sealed record PickedUser(string UserId, string UserName);

    public ObjectGraphType? MultiText() => Type(FieldKind.MultiText, "A field of several texts.",
        Field("values", S.List(S.String), c => JsonValues.ScalarTexts(Json(c)["Values"]), "The texts."));

    public ObjectGraphType? Youtube() => Type(FieldKind.Youtube, "A YouTube video field.",
        Field("embeddedAddress", S.String, c => Str(c, "EmbeddedAddress"), "The embedding address."),
        Field("rawAddress", S.String, c => Str(c, "RawAddress"), "The address as entered."));

    // Not exposed: the schema has no type for localization sets (the field is kept, stored and exported as it came).
    public ObjectGraphType? LocalizationSetContentPicker() => null;

    public ObjectGraphType? Media()
    {
        var file = new ObjectGraphType { Name = schema.UniqueTypeName("MediaFile", "Item"), Description = "A file of a media field." };
        file.AddField(Field("fileName", S.String, c => Path.GetFileName(((MediaFile)c.Source!).Path), "The file's name."));
        file.AddField(Field("path", S.String, c => ((MediaFile)c.Source!).Path, "The path in the media library."));
        file.AddField(Field("url", S.String, c =>
        {
            var media = (MediaFile)c.Source!;
            return MediaResizeArguments.Url(MediaUrl(media.Path), MediaResizeArguments.Read(c, media.Anchor));
        }, "The public address of the file, or of the image resized when sizes or a profile are given.").WithResizeArguments(S));
        var srcset = Field("srcset", S.String, c =>
        {
            var media = (MediaFile)c.Source!;
            var widths = c.GetArgument<int[]?>("widths") ?? [.. DefaultSrcsetWidths];
            if (widths.Length == 0) return null;
            // Each width is checked like url(width:) is; the first resize carries the other options.
            var resize = MediaResizeArguments.Read(c, media.Anchor, widths[0])!;
            foreach (var width in widths.Skip(1)) MediaResizeArguments.Read(c, media.Anchor, width);
            return MediaUrls.Srcset(MediaUrl(media.Path), widths, resize with { Width = null });
        }, "A srcset of the image at the given widths (default 240, 480, 1024, 2048), e.g. for <img srcset>.").WithResizeArguments(S, width: false);
        srcset.Arguments!.Add(Argument("widths", S.List(S.NonNull(S.Int)), "Widths from the site's supported sizes."));
        file.AddField(srcset);
        file.AddField(Field("mediaText", S.String, c => ((MediaFile)c.Source!).MediaText, "The file's alternative text."));
        return Type(FieldKind.Media, "A media field: files from the media library.",
            Field("files", S.List(file), c => c.Page(Files(c)), "The files, with their names, addresses and texts.").Paged(S),
            Field("paths", S.List(S.String), c => c.Page(Files(c).Select(f => f.Path)), "The paths in the media library (legacy).").Paged(S),
            Field("urls", S.List(S.String), c => c.Page(Files(c)).Select(f => MediaResizeArguments.Url(MediaUrl(f.Path), MediaResizeArguments.Read(c, f.Anchor))).ToList(),
                "The public addresses (legacy); with sizes or a profile, of the images resized.").Paged(S).WithResizeArguments(S),
            Field("fileNames", S.List(S.String), c => c.Page(Files(c).Select(f => Path.GetFileName(f.Path))), "The file names (legacy).").Paged(S),
            Field("mediatexts", S.List(S.String), c => c.Page(Files(c).Select(f => f.MediaText)), "The alternative texts (legacy).").Paged(S));
    }

    private static readonly int[] DefaultSrcsetWidths = [240, 480, 1024, 2048];

    private sealed record MediaFile(string Path, string? MediaText, (double X, double Y)? Anchor);

    private static IEnumerable<MediaFile> Files(IResolveFieldContext c)
    {
        var json = Json(c);
        var texts = JsonValues.ScalarTexts(json["MediaTexts"]);
        return JsonValues.ScalarTexts(json["Paths"]).Select((p, i) =>
            new MediaFile(p, i < texts.Length ? texts[i] : null, MediaResizeArguments.AnchorOf(json, p, i)));
    }

    private static string MediaUrl(string path) => "/media/" + path.TrimStart('/');

    public ObjectGraphType? ContentPicker() => Type(FieldKind.ContentPicker, "A content picker field.",
        Field("contentItemIds", S.List(S.String), c => c.Page(JsonValues.ScalarTexts(Json(c)["ContentItemIds"])), "The ids of the picked items.").Paged(S),
        Field("contentItems", S.List(schema.ContentItem), c =>
        {
            var user = GraphQLUserContext.From(c);
            var results = c.Page(JsonValues.ScalarTexts(Json(c)["ContentItemIds"])).Select(user.Loaders.Published.Load).ToList();
            return Deferred(async ct => await schema.ViewableAsync(user, await Task.WhenAll(results.Select(r => r.GetResultAsync(ct))), ct));
        }, "The published picked items the caller may view, in the picked order.").Paged(S));

    public ObjectGraphType? Taxonomy() => Type(FieldKind.Taxonomy, "A taxonomy field: terms of a taxonomy.",
        Field("taxonomyContentItemId", S.String, c => TaxonomyId(c), "The id of the taxonomy the terms come from."),
        Field("termContentItemIds", S.List(S.String), c => c.Page(JsonValues.ScalarTexts(Json(c)["TermContentItemIds"])), "The ids of the chosen terms.").Paged(S),
        Field("termContentItems", S.List(schema.ContentItem), c =>
        {
            var ids = c.Page(JsonValues.ScalarTexts(Json(c)["TermContentItemIds"])).ToList();
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
        // Depth first in the taxonomy's own order: a parent, then its children, then its next sibling.
        var pending = new Stack<JsonNode?>((taxonomy.Part("TaxonomyPart")?["Terms"] as JsonArray ?? []).Reverse());
        while (pending.Count > 0)
        {
            if (pending.Pop() is not JsonObject term) continue;
            yield return new ContentItem(term);
            foreach (var child in (term["Terms"] as JsonArray ?? []).Reverse()) pending.Push(child);
        }
    }

    private static string? TaxonomyId(IResolveFieldContext c)
    {
        var source = (FieldSource)c.Source!;
        return JsonValues.ScalarText(source.Json["TaxonomyContentItemId"]) is { Length: > 0 } id
            ? id
            : JsonValues.ScalarText(source.Definition.Settings["TaxonomyFieldSettings"]?["TaxonomyContentItemId"]) is { Length: > 0 } configured ? configured : null;
    }

    // Resolved after the level's other fields, so their keys share a batch; captures no resolve context, which GraphQL.NET reuses.
    private static object Deferred<T>(Func<CancellationToken, Task<T>> resolve) =>
        new Loading.DeferredResult<T>(resolve);

    /// <summary>A field kind's type, named as Orchard names the kind.</summary>
    private static ObjectGraphType Type(FieldKind kind, string description, params FieldType[] fields)
    {
        var type = new ObjectGraphType { Name = kind.Name(), Description = description };
        foreach (var field in fields) type.AddField(field);
        return type;
    }

    private static JsonObject Json(IResolveFieldContext c) => ((FieldSource)c.Source!).Json;

    private static string? Str(IResolveFieldContext c, string property) => JsonValues.ScalarText(Json(c)[property]);

    // GraphQL.NET's Date scalar writes a DateTime at midnight as yyyy-MM-dd.
    private static DateTime? DateOf(JsonNode? node)
    {
        if (node is not JsonValue v) return null;
        if (v.TryGetValue(out DateTime d)) return d.Date;
        return v.TryGetValue(out string? s) && DateTimeOffset.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var written)
            ? written.DateTime.Date
            : null;
    }

    private static decimal? Number(JsonNode? node) =>
        JsonValues.Number(node) is { } d ? (decimal)d : null;
}
