// Why: a field is added to the type's own part (the part named after the type, created and attached when the type
// has none yet), with a kind from the closed set this CMS knows; its settings are chosen on the field's page next.
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Audit;
using OneDigital.Content.Definitions;
using OneDigital.Content.Fields;
using OneDigital.Content.Security;

namespace OneDigital.Admin.ContentTypes;

public sealed class NewFieldModel(ContentDefinitionStore definitions, ContentTypeChanges changes) : AdminPage
{
    public ContentTypeDefinition Type { get; private set; } = null!;

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(string type)
    {
        if (await DemandAsync(Permissions.EditContentTypes) is { } refused) return refused;
        var doc = await definitions.GetAsync(HttpContext.RequestAborted);
        if (doc.Type(type) is not { } found) return NotFound();
        Type = found;
        Version = doc.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string type)
    {
        if (await DemandAsync(Permissions.EditContentTypes) is { } refused) return refused;
        var ct = HttpContext.RequestAborted;
        var doc = await definitions.GetAsync(ct);
        if (doc.Type(type) is not { } found) return NotFound();
        Type = found;
        var displayName = DisplayName?.Trim() ?? "";
        var name = string.IsNullOrWhiteSpace(Name) ? DefinitionNames.Suggest(displayName) : Name.Trim();
        if (displayName.Length == 0) ModelState.AddModelError(nameof(DisplayName), "Enter a display name.");
        if (displayName.Length > 0 || Name?.Trim().Length > 0)
        {
            if (DefinitionNames.FieldNameProblem(name, found, doc) is { } problem) ModelState.AddModelError(nameof(Name), problem);
        }
        if (FieldKinds.Find(Kind) is null) ModelState.AddModelError(nameof(Kind), "Choose the kind of field.");
        if (!ModelState.IsValid)
        {
            Name = name;
            return Page();
        }
        var kind = Kind!;
        var error = await changes.ApplyAsync(Version, AuditKind.ContentTypeChanged, found.Name, $"Added the field {name} ({kind}) to {found.Name}", d =>
        {
            var t = d.Type(found.Name) ?? throw new ContentDefinitionException($"The content type {found.Name} no longer exists.");
            var part = d.Part(t.Name);
            if (part is null)
            {
                part = new ContentPartDefinition { Name = t.Name };
                d.ContentParts.Add(part);
            }
            if (!t.Parts.Exists(p => DefinitionNames.IsOwnPart(t, p)))
            {
                var own = new ContentTypePartDefinition { PartName = t.Name, Name = t.Name, Settings = [] };
                TypeOrder.PlaceLast(own.Settings, "ContentTypePartSettings", t.Parts.Count);
                t.Parts = [.. TypeOrder.Parts(t), own];
            }
            if (DefinitionNames.FieldNameProblem(name, t, d) is { } problem) throw new ContentDefinitionException(problem);
            var field = new ContentPartFieldDefinition { Name = name, FieldName = kind, Settings = new JsonObject { ["ContentPartFieldSettings"] = new JsonObject { ["DisplayName"] = displayName } } };
            TypeOrder.PlaceLast(field.Settings, "ContentPartFieldSettings", part.Fields.Count);
            part.Fields = [.. TypeOrder.Fields(part), field];
        }, ct);
        if (error is not null)
        {
            ModelState.AddModelError("", error);
            Name = name;
            Version = (await definitions.GetAsync(ct)).Version;
            return Page();
        }
        return Redirect(ContentTypeLinks.Field(found.Name, name) + "?added=1");
    }

    public TextInputField DisplayNameField() => new(nameof(DisplayName), "Display name")
    {
        Value = DisplayName, Autocomplete = "off", Hint = "The field's label in the editor, for example Region.",
    };

    public TextInputField NameField() => new(nameof(Name), "Technical name")
    {
        Value = Name, Spellcheck = false, Autocomplete = "off", WidthClass = "govuk-input--width-20",
        Hint = "Used by recipes, GraphQL (Region is region) and search; it cannot be changed later. Letters A to Z and digits, starting with a letter. Leave it empty to use one made from the display name.",
    };

    public SelectField KindField() => new(nameof(Kind), "Kind of field",
        [new Choice("", "Choose a kind"), .. FieldKinds.All.Select(k => new Choice(k.Name(), KindText(k)) { Selected = Kind == k.Name() })]);

    public static string KindText(FieldKind kind) => FieldKindSettings.For(kind).Label;
}
