// Why: part editors need the part's name on the type, its settings and the request's services, collected once; an
// item nested in a Bag or Flow has its inputs under its position's prefix, so input names and JSON names differ.
using Microsoft.AspNetCore.Mvc.ModelBinding;
using OneDigital.Content.Definitions;

namespace OneDigital.Admin.Editing;

public sealed class EditorPart(ContentTypePartDefinition definition, EditorServices services, ModelStateDictionary state, string prefix = "", int depth = 0)
{
    public ContentTypePartDefinition Definition { get; } = definition;

    /// <summary>The part's name on the type (the property of the item's JSON).</summary>
    public string Name => Definition.Name;

    /// <summary>The prefix of the part's inputs: its name, after the nested item's position (<c>Sections.ContentItems[0].TitlePart</c>).</summary>
    public string Input => prefix + Definition.Name;

    /// <summary>How many Bag or Flow items the part's item is inside (0 for the edited item itself).</summary>
    public int Depth { get; } = depth;

    public EditorServices Services { get; } = services;

    public T Settings<T>() where T : new() => Definition.GetSettings<T>();

    public void AddError(string inputName, string message) => state.AddModelError(inputName, message);

    /// <summary>The form of an item nested in this part, its inputs named under <paramref name="itemPrefix"/>.</summary>
    public ContentForm NestedForm(ContentTypeDefinition type, string itemPrefix) => new(type, Services, state, itemPrefix, Depth + 1);
}
