// Why: a new type needs a display name for editors and a technical name for recipes, GraphQL and the API; the
// technical name is suggested from the display name (by the page's script as one types, or on save when left empty)
// and checked against every name it could clash with.
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Audit;
using OneDigital.Content.Definitions;
using OneDigital.Content.Queries;
using OneDigital.Content.Security;

namespace OneDigital.Admin.ContentTypes;

public sealed class CreateModel(ContentDefinitionStore definitions, QueryDefinitions queries, ContentTypeChanges changes) : AdminPage
{
    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await DemandAsync(Permissions.EditContentTypes) is { } refused) return refused;
        Version = (await definitions.GetAsync(HttpContext.RequestAborted)).Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await DemandAsync(Permissions.EditContentTypes) is { } refused) return refused;
        var ct = HttpContext.RequestAborted;
        var displayName = DisplayName?.Trim() ?? "";
        var name = string.IsNullOrWhiteSpace(Name) ? DefinitionNames.Suggest(displayName) : Name.Trim();
        if (displayName.Length == 0) ModelState.AddModelError(nameof(DisplayName), "Enter a display name.");
        else if (displayName.Length > 100) ModelState.AddModelError(nameof(DisplayName), "The display name must be 100 characters or fewer.");
        var doc = await definitions.GetAsync(ct);
        if (displayName.Length > 0 || Name?.Trim().Length > 0)
        {
            var queryNames = (await queries.ListAsync(ct)).Keys;
            if (DefinitionNames.TypeNameProblem(name, doc, queryNames) is { } problem) ModelState.AddModelError(nameof(Name), problem);
        }
        if (!ModelState.IsValid)
        {
            Name = name;
            return Page();
        }
        var error = await changes.ApplyAsync(Version, AuditKind.ContentTypeCreated, name, $"Created the content type {name} ({displayName})", d =>
        {
            var settings = new JsonObject();
            SettingsReader.Write(settings, new ContentTypeSettings { Creatable = true, Listable = true, Draftable = true, Versionable = true });
            d.ContentTypes.Add(new ContentTypeDefinition
            {
                Name = name,
                DisplayName = displayName,
                Settings = settings,
                Parts = [Part("TitlePart", 0)],
            });
            // The own part of a removed type of this name, with its fields: the type takes it back, and its items show again.
            if (d.Part(name) is not null) d.Type(name)!.Parts.Add(Part(name, 1));
        }, ct);
        if (error is not null)
        {
            ModelState.AddModelError("", error);
            Name = name;
            Version = (await definitions.GetAsync(ct)).Version;
            return Page();
        }
        return Redirect(ContentTypeLinks.Edit(name) + "?created=1");
    }

    private static ContentTypePartDefinition Part(string name, int position) => new()
    {
        PartName = name, Name = name, Settings = new JsonObject { ["ContentTypePartSettings"] = new JsonObject { ["Position"] = position.ToString(System.Globalization.CultureInfo.InvariantCulture) } },
    };

    public TextInputField DisplayNameField() => new(nameof(DisplayName), "Display name")
    {
        Value = DisplayName,
        Hint = "What editors see, for example Case study.",
        Autocomplete = "off",
    };

    public TextInputField NameField() => new(nameof(Name), "Technical name")
    {
        Value = Name,
        Hint = "Used by recipes, GraphQL and the API; it cannot be changed later. Letters A to Z and digits, starting with a letter, for example CaseStudy. Leave it empty to use one made from the display name.",
        Spellcheck = false,
        Autocomplete = "off",
        WidthClass = "govuk-input--width-20",
    };
}
