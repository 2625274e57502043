// Why: a field's settings as Orchard names them (its kind's settings class and the common ContentPartFieldSettings),
// changed from the definitions version the page showed; keys the page does not ask for are kept as they were.
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Audit;
using OneDigital.Content.Definitions;
using OneDigital.Content.Security;

namespace OneDigital.Admin.ContentTypes;

public sealed class FieldModel(ContentDefinitionStore definitions, ContentTypeChanges changes) : AdminPage
{
    public ContentTypeDefinition Type { get; private set; } = null!;

    public ContentPartFieldDefinition Field { get; private set; } = null!;

    /// <summary>The kind's settings and editors; null for a kind this CMS does not know (kept as a recipe brought it).</summary>
    public KindSettings? Kind { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Added { get; set; }

    [BindProperty]
    public int Version { get; set; }

    /// <summary>The inputs' values: as stored on a GET, as posted after an error.</summary>
    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    public async Task<IActionResult> OnGetAsync(string type, string field)
    {
        if (await DemandAsync(Permissions.EditContentTypes) is { } refused) return refused;
        if (!await LoadAsync(type, field)) return NotFound();
        Values["DisplayName"] = Common.DisplayName ?? "";
        Values["Editor"] = Common.Editor ?? "";
        foreach (var setting in Kind?.Settings ?? []) Values[setting.InputName] = KindSettingValues.Show(Field.Settings, setting);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string type, string field)
    {
        if (await DemandAsync(Permissions.EditContentTypes) is { } refused) return refused;
        if (!await LoadAsync(type, field, keepVersion: true)) return NotFound();
        if (Kind is null) return BadRequest();
        var form = Request.Form;
        foreach (var key in form.Keys) Values[key] = form[key].ToString();
        var displayName = form["DisplayName"].ToString().Trim();
        var editor = form["Editor"].ToString();
        if (displayName.Length == 0) ModelState.AddModelError("DisplayName", "Enter a display name.");
        if (editor.Length > 0 && !Kind.Editors.Contains(editor, StringComparer.Ordinal)) ModelState.AddModelError("Editor", "Choose one of the editors.");
        // Checked on a copy first, so each message shows beside its input; written for real inside the change.
        var trial = Field.Settings.DeepClone().AsObject();
        foreach (var setting in Kind.Settings)
        {
            if (KindSettingValues.Write(trial, setting, form[setting.InputName]) is { } problem) ModelState.AddModelError(setting.InputName, problem);
        }
        if (!ModelState.IsValid) return Page();
        var name = Field.Name;
        var error = await changes.ApplyAsync(Version, AuditKind.ContentTypeChanged, Type.Name, $"Changed the field {name} of {Type.Name}", doc =>
        {
            var stored = FieldIn(doc, name);
            foreach (var setting in Kind.Settings) KindSettingValues.Write(stored.Settings, setting, form[setting.InputName]);
            if (stored.Settings["ContentPartFieldSettings"] is not JsonObject common)
            {
                common = [];
                stored.Settings["ContentPartFieldSettings"] = common;
            }
            common["DisplayName"] = displayName;
            if (editor is "" or "Default") common.Remove("Editor");
            else common["Editor"] = editor;
        }, HttpContext.RequestAborted);
        if (error is null) return Redirect($"{ContentTypeLinks.Edit(Type.Name)}?done=field-saved#fields");
        ModelState.AddModelError("", error);
        await LoadAsync(type, field);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string type, string field)
    {
        if (await DemandAsync(Permissions.EditContentTypes) is { } refused) return refused;
        if (!await LoadAsync(type, field, keepVersion: true)) return NotFound();
        var name = Field.Name;
        var error = await changes.ApplyAsync(Version, AuditKind.ContentTypeChanged, Type.Name, $"Removed the field {name} ({Field.FieldName}) from {Type.Name}", doc =>
        {
            var part = doc.Part(Type.Name) ?? throw new ContentDefinitionException($"{Type.Name} has no fields.");
            if (part.Fields.RemoveAll(f => f.Name == name) == 0) throw new ContentDefinitionException($"{Type.Name} has no field {name} any more.");
        }, HttpContext.RequestAborted);
        if (error is null) return Redirect($"{ContentTypeLinks.Edit(Type.Name)}?done=field-removed#fields");
        ModelState.AddModelError("", error);
        await LoadAsync(type, field);
        return Page();
    }

    private ContentPartFieldSettings Common => Field.GetSettings<ContentPartFieldSettings>();

    public TextInputField DisplayNameField() => new("DisplayName", "Display name") { Value = Value("DisplayName"), Autocomplete = "off", Hint = "The field's label in the editor." };

    public SelectField EditorField() => new("Editor", "Editor",
        [.. Kind!.Editors.Select(e => new Choice(e == "Default" ? "" : e, e == "Default" ? "Default for the kind" : e) { Selected = Value("Editor") == (e == "Default" ? "" : e) })])
    { Hint = "How the editor asks for the value (Orchard's editor names)." };

    /// <summary>The input for one of the kind's settings.</summary>
    public FormField Input(KindSetting setting)
    {
        var value = Value(setting.InputName);
        var hint = setting.ForEditor is { } editor ? $"{setting.Hint} Used when the editor is {editor}.".Trim() : setting.Hint;
        return setting.Input switch
        {
            SettingInput.Bool => new CheckboxesField(setting.InputName, setting.Label, [new Choice("true", setting.Label) { Selected = value == "true" }]) { Hint = hint },
            SettingInput.Lines or SettingInput.Options => new TextareaField(setting.InputName, setting.Label) { Value = value, Hint = hint, Rows = 4 },
            SettingInput.Choice => new SelectField(setting.InputName, setting.Label,
                [new Choice("", "Not set") { Selected = value.Length == 0 }, .. setting.Choices.Select(c => new Choice(c, c) { Selected = value == c })]) { Hint = hint },
            SettingInput.Number => new TextInputField(setting.InputName, setting.Label) { Value = value, Hint = hint, InputMode = "decimal", WidthClass = "govuk-input--width-10" },
            _ => new TextInputField(setting.InputName, setting.Label) { Value = value, Hint = hint },
        };
    }

    private string Value(string name) => Values.TryGetValue(name, out var value) ? value : "";

    private ContentPartFieldDefinition FieldIn(ContentDefinitionDocument doc, string name) =>
        doc.Part(Type.Name)?.Field(name) ?? throw new ContentDefinitionException($"{Type.Name} has no field {name} any more.");

    private async Task<bool> LoadAsync(string type, string field, bool keepVersion = false)
    {
        var doc = await definitions.GetAsync(HttpContext.RequestAborted);
        if (doc.Type(type) is not { } found || !found.Parts.Exists(p => DefinitionNames.IsOwnPart(found, p))
            || doc.Part(found.Name)?.Field(field) is not { } stored) return false;
        Type = found;
        Field = stored;
        Kind = stored.Kind is { } kind ? FieldKindSettings.For(kind) : null;
        if (!keepVersion) Version = doc.Version;
        return true;
    }
}
