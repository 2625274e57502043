// Why: adding and editing a webhook ask the same questions and turn the answers into the same registration, whose
// checks (Content's WebhookEndpoints.Validate) name the field at fault, so their messages land beside the field.
using Microsoft.AspNetCore.Mvc.ModelBinding;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Definitions;
using OneDigital.Content.Webhooks;

namespace OneDigital.Admin.Webhooks;

/// <summary>The form's answers (the pages bind them as their own properties); <see cref="Name"/> is only asked when adding.</summary>
public sealed class WebhookFormInput
{
    public string? Name { get; set; }
    public string? Url { get; set; }
    public List<string> Events { get; set; } = [];
    public List<string> ContentTypes { get; set; } = [];
    public bool Enabled { get; set; } = true;

    public static WebhookFormInput Of(WebhookEndpoint endpoint) => new()
    {
        Name = endpoint.Name,
        Url = endpoint.Url,
        Events = WebhookEventNames.Each.Where(e => (endpoint.Events & e) != 0).Select(WebhookEventNames.Name).ToList(),
        ContentTypes = [.. endpoint.ContentTypeList],
        Enabled = endpoint.Enabled,
    };

    /// <summary>The registration, or null with the reasons in <paramref name="state"/>.</summary>
    public WebhookRegistration? ToRegistration(string name, string secret, IReadOnlySet<string> knownTypes, ModelStateDictionary state)
    {
        var events = WebhookEvents.None;
        foreach (var text in Events)
        {
            if (WebhookEventNames.TryParse(text, out var change)) events |= change;
            else state.AddModelError(nameof(Events), $"‘{text}’ is not an event");
        }
        if (events == WebhookEvents.None && state.IsValid) state.AddModelError(nameof(Events), "Choose at least one event");
        foreach (var type in ContentTypes.Where(t => !knownTypes.Contains(t)))
        {
            state.AddModelError(nameof(ContentTypes), $"‘{type}’ is not a content type");
        }
        var registration = new WebhookRegistration
        {
            Name = name,
            Url = Url?.Trim() ?? "",
            Secret = secret,
            Events = events,
            ContentTypes = [.. ContentTypes],
            Enabled = Enabled,
        };
        try
        {
            WebhookEndpoints.Validate(registration);
        }
        catch (WebhookValidationException ex)
        {
            // "No events" is already said above, in the form's words.
            if (ex.Field == "Events" && !state.IsValid) return null;
            state.AddModelError(ex.Field.StartsWith("ContentTypes", StringComparison.Ordinal) ? nameof(ContentTypes) : ex.Field,
                ex.Field == "Url" ? "Enter a full web address starting with https:// or http://, for example https://partner.example/hooks" : ex.Message);
        }
        return state.IsValid ? registration : null;
    }

    public TextInputField UrlField() => new(nameof(Url), "URL")
    {
        Value = Url,
        Type = "url",
        Hint = "Where the messages are posted, for example https://partner.example/hooks.",
        Spellcheck = false,
        Autocomplete = "off",
    };

    public CheckboxesField EventsField() => new(nameof(Events), "Events",
        WebhookEventNames.Each.Select(e => new Choice(WebhookEventNames.Name(e), Capitalised(WebhookEventNames.Name(e)))
        {
            Selected = Events.Contains(WebhookEventNames.Name(e), StringComparer.OrdinalIgnoreCase),
        }).ToList())
    {
        Hint = "Which changes to an item send a message.",
    };

    public async Task<CheckboxesField> ContentTypesFieldAsync(ContentDefinitionStore definitions, CancellationToken ct) =>
        new(nameof(ContentTypes), "Content types",
            (await definitions.GetAsync(ct)).ContentTypes.OrderBy(t => t.DisplayName ?? t.Name, StringComparer.OrdinalIgnoreCase)
                .Select(t => new Choice(t.Name, t.DisplayName ?? t.Name) { Selected = ContentTypes.Contains(t.Name, StringComparer.OrdinalIgnoreCase) })
                .ToList())
        {
            Hint = "Leave all unticked to hear about every type.",
            Small = true,
        };

    public static async Task<IReadOnlySet<string>> KnownTypesAsync(ContentDefinitionStore definitions, CancellationToken ct) =>
        (await definitions.GetAsync(ct)).ContentTypes.Select(t => t.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static string Capitalised(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
