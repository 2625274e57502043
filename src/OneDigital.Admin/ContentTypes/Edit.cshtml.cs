// Why: one page for a type: its settings (Orchard's ContentTypeSettings), its parts in order and its own fields in
// order. Each form carries the definitions version it was shown from, so a stale page is refused, not saved over.
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Audit;
using OneDigital.Content.Definitions;
using OneDigital.Content.Querying;
using OneDigital.Content.Security;

namespace OneDigital.Admin.ContentTypes;

public sealed class EditModel(ContentDefinitionStore definitions, ContentQuery query, ContentTypeChanges changes) : AdminPage
{
    public ContentTypeDefinition Type { get; private set; } = null!;

    public IReadOnlyList<ContentTypePartDefinition> Parts { get; private set; } = [];

    public IReadOnlyList<ContentPartFieldDefinition> Fields { get; private set; } = [];

    public IReadOnlyList<KnownPart> Addable { get; private set; } = [];

    public int Items { get; private set; }

    /// <summary>What the last change did, for the success banner.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public TypeSettingsForm Settings { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string type)
    {
        if (await DemandAsync(Permissions.EditContentTypes) is { } refused) return refused;
        if (!await LoadAsync(type)) return NotFound();
        Settings = TypeSettingsForm.From(Type);
        return Page();
    }

    public async Task<IActionResult> OnPostSettingsAsync(string type)
    {
        if (await DemandAsync(Permissions.EditContentTypes) is { } refused) return refused;
        if (!await LoadAsync(type, keepVersion: true)) return NotFound();
        var form = Settings;
        if (string.IsNullOrWhiteSpace(form.DisplayName)) ModelState.AddModelError("Settings.DisplayName", "Enter a display name.");
        if (form.Stereotype is { Length: > 0 } s && !DefinitionNames.IsStereotype(s))
            ModelState.AddModelError("Settings.Stereotype", "A stereotype is one word of letters, for example Widget or MenuItem.");
        if (!ModelState.IsValid) return Page();
        return await ApplyAsync($"Changed the settings of {Type.Name}", "settings", doc =>
        {
            var t = TypeIn(doc);
            t.DisplayName = form.DisplayName!.Trim();
            if (t.Settings["ContentTypeSettings"] is not JsonObject settings)
            {
                settings = [];
                t.Settings["ContentTypeSettings"] = settings;
            }
            foreach (var option in TypeSettingsForm.OptionNames) settings[option] = form.Has(option);
            Set(settings, "Stereotype", form.Stereotype);
            Set(settings, "Description", form.Description);
        });
    }

    public async Task<IActionResult> OnPostPartsAsync(string type, string? move, string? remove)
    {
        if (await DemandAsync(Permissions.EditContentTypes) is { } refused) return refused;
        if (!await LoadAsync(type, keepVersion: true)) return NotFound();
        if (remove is { Length: > 0 })
        {
            if (Type.Part(remove) is null) return NotFound();
            return await ApplyAsync($"Removed the part {remove} from {Type.Name}", "part-removed", doc =>
            {
                var t = TypeIn(doc);
                t.Parts.RemoveAll(p => p.Name == remove);
            });
        }
        if (Split(move) is not var (direction, name) || Type.Part(name) is null) return BadRequest();
        return await ApplyAsync($"Moved the part {name} {direction} in {Type.Name}", "moved", doc =>
        {
            if (!TypeOrder.MovePart(TypeIn(doc), name, direction == "up")) throw new ContentDefinitionException($"The part {name} cannot move {direction}.");
        }, "#parts");
    }

    public async Task<IActionResult> OnPostAddPartAsync(string type, string? part)
    {
        if (await DemandAsync(Permissions.EditContentTypes) is { } refused) return refused;
        if (!await LoadAsync(type, keepVersion: true)) return NotFound();
        if (Addable.FirstOrDefault(p => p.Name == part) is not { } chosen)
        {
            ModelState.AddModelError("part", string.IsNullOrEmpty(part) ? "Choose a part to add." : $"{part} cannot be added to this type.");
            return Page();
        }
        return await ApplyAsync($"Added the part {chosen.Name} to {Type.Name}", "part-added", doc =>
        {
            var t = TypeIn(doc);
            var added = new ContentTypePartDefinition { PartName = chosen.Name, Name = chosen.Name, Settings = [] };
            TypeOrder.PlaceLast(added.Settings, "ContentTypePartSettings", t.Parts.Count);
            t.Parts = [.. TypeOrder.Parts(t), added];
            if (doc.Part(chosen.Name) is null) doc.ContentParts.Add(new ContentPartDefinition { Name = chosen.Name });
        }, "#parts");
    }

    public async Task<IActionResult> OnPostFieldsAsync(string type, string? move)
    {
        if (await DemandAsync(Permissions.EditContentTypes) is { } refused) return refused;
        if (!await LoadAsync(type, keepVersion: true)) return NotFound();
        if (Split(move) is not var (direction, name) || Fields.All(f => f.Name != name)) return BadRequest();
        return await ApplyAsync($"Moved the field {name} {direction} in {Type.Name}", "moved", doc =>
        {
            var part = doc.Part(Type.Name) ?? throw new ContentDefinitionException($"{Type.Name} has no fields.");
            if (!TypeOrder.MoveField(part, name, direction == "up")) throw new ContentDefinitionException($"The field {name} cannot move {direction}.");
        }, "#fields");
    }

    public static string? DoneMessage(string? done) => done switch
    {
        "created" => "The content type was created. Add its parts and fields below.",
        "settings" => "The settings were saved.",
        "part-added" => "The part was added.",
        "part-removed" => "The part was removed. Items keep what they held in it; it no longer shows in the editor or GraphQL.",
        "moved" => "The new order was saved.",
        "field-added" => "The field was added.",
        "field-removed" => "The field was removed. Items keep their values, which no longer show in the editor, GraphQL or search.",
        "field-saved" => "The field was saved.",
        _ => null,
    };

    public SelectField AddPartField() => new("part", "Part to add",
        [new Choice("", "Choose a part"), .. Addable.Select(p => new Choice(p.Name, $"{p.DisplayName} ({p.Name})"))])
    { Hint = "Parts the editor, GraphQL and search know. A type has each part once." };

    private async Task<IActionResult> ApplyAsync(string detail, string done, Action<ContentDefinitionDocument> change, string anchor = "")
    {
        var error = await changes.ApplyAsync(Version, AuditKind.ContentTypeChanged, Type.Name, detail, change, HttpContext.RequestAborted);
        if (error is null) return Redirect($"{ContentTypeLinks.Edit(Type.Name)}?done={done}{anchor}");
        ModelState.AddModelError("", error);
        await LoadAsync(Type.Name);
        Settings = TypeSettingsForm.From(Type);
        return Page();
    }

    private ContentTypeDefinition TypeIn(ContentDefinitionDocument doc) =>
        doc.Type(Type.Name) ?? throw new ContentDefinitionException($"The content type {Type.Name} no longer exists.");

    private async Task<bool> LoadAsync(string type, bool keepVersion = false)
    {
        var ct = HttpContext.RequestAborted;
        var doc = await definitions.GetAsync(ct);
        if (doc.Type(type) is not { } found) return false;
        Type = found;
        Parts = TypeOrder.Parts(found);
        Fields = found.Parts.Exists(p => DefinitionNames.IsOwnPart(found, p)) ? TypeOrder.Fields(doc.Part(found.Name)) : [];
        Addable = KnownParts.AddableTo(found, doc);
        Items = await query.CountAsync(new ContentListRequest(found.Name) { Status = ContentStatus.Latest }, ct);
        if (!keepVersion) Version = doc.Version;
        return true;
    }

    private static (string Direction, string Name)? Split(string? move) =>
        move?.Split(':', 2) is [var d and ("up" or "down"), { Length: > 0 } n] ? (d, n) : null;

    private static void Set(JsonObject settings, string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) settings.Remove(key);
        else settings[key] = value.Trim();
    }

    public sealed class TypeSettingsForm
    {
        public string? DisplayName { get; set; }
        public string? Description { get; set; }
        public string? Stereotype { get; set; }

        /// <summary>The ticked options among <see cref="OptionNames"/>.</summary>
        public string[] Options { get; set; } = [];

        public static readonly string[] OptionNames = ["Creatable", "Listable", "Draftable", "Versionable", "Securable"];

        public bool Has(string option) => Options.Contains(option, StringComparer.Ordinal);

        public static TypeSettingsForm From(ContentTypeDefinition type)
        {
            var s = type.TypeSettings;
            return new()
            {
                DisplayName = type.DisplayName ?? type.Name, Description = s.Description, Stereotype = s.Stereotype,
                Options = [.. new[] { ("Creatable", s.Creatable), ("Listable", s.Listable), ("Draftable", s.Draftable), ("Versionable", s.Versionable), ("Securable", s.Securable) }
                    .Where(o => o.Item2).Select(o => o.Item1)],
            };
        }

        public CheckboxesField OptionsField() => new("Settings.Options", "What editors can do with items of this type",
        [
            Box("Creatable", "Editors can create items of this type from the admin."),
            Box("Listable", "Items show in the content list."),
            Box("Draftable", "Items can be saved as drafts before they are published."),
            Box("Versionable", "Each save keeps a version that can be compared and restored."),
            Box("Securable", "Roles need permissions naming this type to work with its items."),
        ]);

        public TextInputField DisplayNameField() => new("Settings.DisplayName", "Display name") { Value = DisplayName, Autocomplete = "off" };

        public TextareaField DescriptionField() => new("Settings.Description", "Description") { Value = Description, Rows = 2, Hint = "Also the type's description in the GraphQL schema." };

        public TextInputField StereotypeField() => new("Settings.Stereotype", "Stereotype")
        {
            Value = Stereotype, Spellcheck = false, Autocomplete = "off", WidthClass = "govuk-input--width-20",
            Hint = "Empty for ordinary content. Widget: used inside Flow parts; MenuItem: used in menus. Types with a stereotype have no list of their own in GraphQL.",
        };

        private Choice Box(string name, string hint) => new(name, name) { Hint = hint, Selected = Has(name) };
    }
}
