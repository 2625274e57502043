// Why: editors need the same few facts about a field (its input name, label, hint, whether it is required, its
// settings) and a way to report an input error; collected once per field from the definition.
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using OneDigital.Content.Definitions;

namespace OneDigital.Admin.Editing;

/// <summary>One field of one part on the form: <see cref="Name"/> is <c>{Part}.{Field}</c>, the first input's name and the ModelState key of its errors.</summary>
/// <param name="contentType">The type whose form this is (a nested item's own type), for the picker's search address.</param>
/// <param name="typePartName">The part's name in that type, without the nested item's prefix.</param>
public sealed class EditorField(ContentPartFieldDefinition definition, string partName, EditorServices services, ModelStateDictionary state,
    string contentType = "", string typePartName = "")
{
    public ContentPartFieldDefinition Definition { get; } = definition;

    public string Name { get; } = $"{partName}.{definition.Name}";

    public EditorServices Services { get; } = services;

    /// <summary>Where a picker's script searches for this field's choices (<c>Pickers/SearchModel</c>).</summary>
    public string SearchUrl => $"/admin/pickers/{Uri.EscapeDataString(contentType)}/{Uri.EscapeDataString(typePartName)}/{Uri.EscapeDataString(Definition.Name)}";

    public string Label => Common.DisplayName is { Length: > 0 } label ? label : Definition.Name;

    public string? Hint => KindSetting("Hint") is { Length: > 0 } hint ? hint : Common.Description is { Length: > 0 } d ? d : null;

    public bool Required => bool.TryParse(KindSetting("Required"), out var required) && required;

    /// <summary>Orchard's editor variant (TextArea, Email, Tags...), null for the kind's default.</summary>
    public string? Editor => Common.Editor is { Length: > 0 } editor && editor != "Default" ? editor : null;

    /// <summary>The label with the required marker, as every input of the field shows it.</summary>
    public string LabelText => Required ? $"{Label} (required)" : Label;

    public T Settings<T>() where T : new() => Definition.GetSettings<T>();

    /// <summary>A value of the kind's own settings (<c>TextFieldSettings.Hint</c>), as text.</summary>
    public string? KindSetting(string name) =>
        Definition.Settings[Definition.FieldName + "Settings"] is JsonObject settings && settings[name] is JsonValue value
            ? value.ToString()
            : null;

    public void AddError(string message, string? inputName = null) => state.AddModelError(inputName ?? Name, message);

    private ContentPartFieldSettings Common => Definition.GetSettings<ContentPartFieldSettings>();
}
