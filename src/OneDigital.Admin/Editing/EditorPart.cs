// Why: part editors need the part's name on the type, its settings and the request's services, collected once.
using Microsoft.AspNetCore.Mvc.ModelBinding;
using OneDigital.Content.Definitions;

namespace OneDigital.Admin.Editing;

public sealed class EditorPart(ContentTypePartDefinition definition, EditorServices services, ModelStateDictionary state)
{
    public ContentTypePartDefinition Definition { get; } = definition;

    /// <summary>The part's name on the type (the property of the item's JSON), the prefix of its inputs.</summary>
    public string Name => Definition.Name;

    public EditorServices Services { get; } = services;

    public T Settings<T>() where T : new() => Definition.GetSettings<T>();

    public void AddError(string inputName, string message) => state.AddModelError(inputName, message);
}
