// Why: editors choose a media field's files from the library or upload them in place, and say per use what each
// image shows (or that it is decorative) and where its focal point is, so crops keep the subject. Everything works
// without JavaScript: the library search is a Search button that redisplays the form with matches as checkboxes,
// uploads are the form's file input (the form is multipart), removal is a checkbox. Orchard's shape is kept:
// Paths, MediaTexts and Anchors ({ "X": 0.5, "Y": 0.5 }, fractions of width and height) in the same order.
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Definitions;
using OneDigital.Content.Media.Library;

namespace OneDigital.Admin.Editing.Fields;

/// <summary>One file chosen in a media field: its path, this use's alt text, whether it is decorative, its focal point.</summary>
public sealed record ChosenMedia(string Path, string Text, bool Decorative, string AnchorX, string AnchorY, bool IsImage);

/// <summary>A media field's inputs (<c>_MediaField.cshtml</c>); input names are the field's name with a suffix.</summary>
public sealed record MediaFieldInput(string Name, string Label) : FormField(Name, Label)
{
    public IReadOnlyList<ChosenMedia> Chosen { get; init; } = [];
    public bool Multiple { get; init; }
    public string? Search { get; init; }
    public IReadOnlyList<MediaItem>? Results { get; init; }
    public string AllowedText { get; init; } = "";
    public string Accept { get; init; } = "";

    public string PathsName => Name + ".Paths";
    public string TextsName => Name + ".Texts";
    public string DecorativeName => Name + ".Decorative";
    public string AnchorXName => Name + ".AnchorX";
    public string AnchorYName => Name + ".AnchorY";
    public string RemoveName => Name + ".Remove";
    public string AddName => Name + ".Add";
    public string SearchName => Name + ".Query";
    public string UploadName => Name + ".Upload";
}

internal sealed class MediaFieldEditor : IFieldEditor
{
    private const int SearchResults = 20;

    public async Task<IReadOnlyList<FormField>> RenderAsync(EditorField field, JsonObject? value)
    {
        var settings = field.Settings<MediaFieldSettings>();
        var services = field.Services;
        var paths = Strings(value, "Paths");
        var texts = Strings(value, "MediaTexts");
        var anchors = value?["Anchors"] as JsonArray;
        var chosen = paths.Select((path, i) =>
        {
            var text = i < texts.Count ? texts[i] : "";
            var anchor = anchors is not null && i < anchors.Count ? anchors[i] as JsonObject : null;
            return new ChosenMedia(path, text, Decorative(services.Posted, field.Name, path),
                Number(anchor?["X"]), Number(anchor?["Y"]), MediaLibrary.IsImageName(path));
        }).ToList();

        string? search = null;
        IReadOnlyList<MediaItem>? results = null;
        if (services.Action == ContentEditorPage.Search && services.Posted?[field.Name + ".Query"] is { Count: > 0 } typed)
        {
            search = typed.ToString().Trim();
            results = (await services.Media.SearchAsync("", search, SearchResults + paths.Count, settings.AllowedExtensions, services.Aborted))
                .Where(r => !paths.Contains(r.Path)).Take(SearchResults).ToList();
        }
        var allowed = settings.AllowedExtensions.Length > 0 ? string.Join(", ", settings.AllowedExtensions.Select(e => e.TrimStart('.').ToUpperInvariant())) : "";
        return
        [
            new MediaFieldInput(field.Name, field.LabelText)
            {
                Hint = field.Hint,
                Chosen = chosen,
                Multiple = settings.Multiple,
                Search = search,
                Results = results,
                AllowedText = allowed,
                Accept = string.Join(',', settings.AllowedExtensions),
            },
        ];
    }

    public JsonObject Read(EditorField field, IFormCollection form)
    {
        var settings = field.Settings<MediaFieldSettings>();
        var name = field.Name;
        var posted = form.TryGetValue(name + ".Paths", out var p) ? p.Select(v => v ?? "").ToList() : [];
        var texts = form.TryGetValue(name + ".Texts", out var t) ? t.Select(v => v ?? "").ToList() : [];
        var xs = form.TryGetValue(name + ".AnchorX", out var x) ? x.Select(v => v ?? "").ToList() : [];
        var ys = form.TryGetValue(name + ".AnchorY", out var y) ? y.Select(v => v ?? "").ToList() : [];
        var decorative = FormValues.All(form, name + ".Decorative").ToHashSet(StringComparer.Ordinal);
        var removed = FormValues.All(form, name + ".Remove").ToHashSet(StringComparer.Ordinal);

        var paths = new JsonArray();
        var mediaTexts = new JsonArray();
        var anchors = new JsonArray();
        for (var i = 0; i < posted.Count; i++)
        {
            var path = posted[i].Trim();
            if (path.Length == 0 || removed.Contains(path) || paths.Any(n => (string?)n == path)) continue;
            paths.Add(path);
            mediaTexts.Add(decorative.Contains(path) ? "" : (i < texts.Count ? texts[i].Trim() : ""));
            anchors.Add(new JsonObject
            {
                ["X"] = Fraction(field, name + ".AnchorX", i < xs.Count ? xs[i] : "", "X"),
                ["Y"] = Fraction(field, name + ".AnchorY", i < ys.Count ? ys[i] : "", "Y"),
            });
        }
        foreach (var added in FormValues.All(form, name + ".Add"))
        {
            if (paths.Any(n => (string?)n == added)) continue;
            paths.Add(added);
            mediaTexts.Add("");
            anchors.Add(new JsonObject { ["X"] = 0.5, ["Y"] = 0.5 });
        }

        var files = form.Files.GetFiles(name + ".Upload").Where(f => !string.IsNullOrEmpty(f.FileName)).ToList();
        if (!settings.Multiple && files.Count > 0)
        {
            // One file allowed: an upload takes the place of the chosen one.
            paths.Clear();
            mediaTexts.Clear();
            anchors.Clear();
        }
        if (!settings.Multiple && paths.Count + files.Count > 1) field.AddError($"{field.Label} takes one file only", name + ".Upload");
        var (part, fieldName) = (name[..name.LastIndexOf('.')], field.Definition.Name);
        foreach (var file in files) field.Services.MediaUploads.Add(part[(part.LastIndexOf('.') + 1)..], fieldName, file, paths, mediaTexts, anchors);

        return new JsonObject { ["Paths"] = paths, ["MediaTexts"] = mediaTexts, ["Anchors"] = anchors };
    }

    /// <summary>A focal point coordinate from 0 to 1; an empty input is the centre.</summary>
    private static double Fraction(EditorField field, string input, string text, string axis)
    {
        if (text.Trim().Length == 0) return 0.5;
        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1) return value;
        field.AddError($"{field.Label}: the focal point's {axis} must be a number from 0 to 1, such as 0.5", input);
        return 0.5;
    }

    // Orchard's shape has no "decorative" flag: it is stored as an empty text, so only a redisplayed post shows it ticked.
    private static bool Decorative(IFormCollection? posted, string name, string path) =>
        posted is not null && FormValues.All(posted, name + ".Decorative").Contains(path);

    private static List<string> Strings(JsonObject? value, string property) =>
        value?[property] is JsonArray array ? [.. array.Select(n => n is JsonValue v && v.TryGetValue(out string? s) ? s : "")] : [];

    private static string Number(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue(out double d) ? d.ToString("0.###", CultureInfo.InvariantCulture) : "0.5";
}
