// Why: the Bag and Flow tests need their own types (the setup recipe has none with nested items) and a way to post
// the editor's form as a browser would: every input as rendered, a few changed, and the button pressed.
using System.Net;
using System.Text.RegularExpressions;
using OneDigital.Admin.Tests.Support;
using OneDigital.Content.Definitions;

namespace OneDigital.Admin.Tests.Editing;

internal static partial class NestedItemsSite
{
    /// <summary>
    /// Carousel (Creatable) with a Bag "Slides" of Slide (a required Heading, Seconds) and Quote; Banner exists but is
    /// not allowed in it. Landing (Creatable) with a Flow of the Widget-stereotype types: Hero. Chapter holds a Bag of Quotes,
    /// and Book a Bag of Chapters (nested in nested).
    /// </summary>
    public static Task DefineAsync(AdminSite site) => site.AlterDefinitionsAsync(async store =>
    {
        await store.AlterFieldAsync("Slide", "Heading", "TextField", field =>
        {
            SettingsReader.Write(field.Settings, new ContentPartFieldSettings { DisplayName = "Heading" });
            SettingsReader.Write(field.Settings, new TextFieldSettings { Required = true });
        });
        await store.AlterFieldAsync("Slide", "Seconds", "NumericField");
        await store.AlterFieldAsync("Quote", "Words", "TextField");
        await store.AlterFieldAsync("Banner", "Words", "TextField");
        await store.AlterFieldAsync("Hero", "Strapline", "TextField");
        foreach (var name in new[] { "Slide", "Quote", "Banner", "Hero" })
        {
            await store.AlterTypeAsync(name, type =>
            {
                SettingsReader.Write(type.Settings, new ContentTypeSettings { Stereotype = name == "Hero" ? "Widget" : null });
                type.Parts.Add(new ContentTypePartDefinition { PartName = name, Name = name });
            });
        }
        await Container(store, "Carousel", "Slides", "BagPart", new BagPartSettings { ContainedContentTypes = ["Slide", "Quote"] });
        await Container(store, "Landing", "FlowPart", "FlowPart", new FlowPartSettings());
        await Container(store, "Chapter", "Quotes", "BagPart", new BagPartSettings { ContainedContentTypes = ["Quote"] });
        await Container(store, "Book", "Chapters", "BagPart", new BagPartSettings { ContainedContentTypes = ["Chapter"] });
    });

    private static Task Container<T>(ContentDefinitionStore store, string name, string partName, string part, T settings) =>
        store.AlterTypeAsync(name, type =>
        {
            SettingsReader.Write(type.Settings, new ContentTypeSettings { Creatable = true, Listable = true, Draftable = true, Versionable = true });
            type.Parts.Add(new ContentTypePartDefinition { PartName = "TitlePart", Name = "TitlePart" });
            var nested = new ContentTypePartDefinition { PartName = part, Name = partName };
            SettingsReader.Write(nested.Settings, settings);
            type.Parts.Add(nested);
        });

    /// <summary>The editor form's inputs as a browser posts them: hidden and text inputs, checked boxes, textareas, in page order.</summary>
    public static List<KeyValuePair<string, string>> Inputs(string page)
    {
        var form = EditorForm().Match(page);
        Assert.That(form.Success, Is.True, "the page has the editor's form");
        var html = form.Value;
        var inputs = new List<(int At, string Name, string Value)>();
        foreach (Match input in InputTag().Matches(html))
        {
            var tag = input.Value;
            var name = Attribute(tag, "name");
            var type = Attribute(tag, "type") ?? "text";
            if (name is null || (type is "checkbox" or "radio" && !tag.Contains(" checked", StringComparison.Ordinal))) continue;
            inputs.Add((input.Index, name, Attribute(tag, "value") ?? ""));
        }
        foreach (Match textarea in TextareaTag().Matches(html))
        {
            inputs.Add((textarea.Index, Attribute(textarea.Value, "name")!, WebUtility.HtmlDecode(textarea.Groups["text"].Value).Trim('\r', '\n')));
        }
        return [.. inputs.OrderBy(i => i.At).Select(i => KeyValuePair.Create(i.Name, i.Value))];
    }

    /// <summary>The inputs with <paramref name="name"/>'s value replaced (or added).</summary>
    public static List<KeyValuePair<string, string>> With(this List<KeyValuePair<string, string>> inputs, string name, string value)
    {
        var changed = inputs.Where(i => i.Key != name).ToList();
        changed.Add(KeyValuePair.Create(name, value));
        return changed;
    }

    /// <summary>Posts the inputs and the pressed button's action to the page; the answer's status and HTML.</summary>
    public static async Task<(HttpStatusCode Status, string Html, Uri? Location)> PressAsync(this AdminClient client, string path, List<KeyValuePair<string, string>> inputs, string action)
    {
        using var response = await client.PostRawAsync(path, [.. inputs, new("action", action)]);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location);
    }

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    [GeneratedRegex("<form method=\"post\" enctype=\"multipart/form-data\" novalidate>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex EditorForm();

    [GeneratedRegex("<input\\b[^>]*>")]
    private static partial Regex InputTag();

    [GeneratedRegex("<textarea\\b[^>]*>(?<text>[^<]*)</textarea>")]
    private static partial Regex TextareaTag();
}
