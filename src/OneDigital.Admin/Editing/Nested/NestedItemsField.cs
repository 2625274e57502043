// Why: a Bag or Flow is shown as one group of whole items, each with its own parts' inputs and its Move and Remove
// buttons, followed by an Add button per type the part allows; the partial draws it from this.
using OneDigital.Admin.Shared.Forms;

namespace OneDigital.Admin.Editing.Nested;

/// <summary>The items of one Bag or Flow; <see cref="FormField.Name"/> is the list's prefix (<c>Sections.ContentItems</c>), the key of its errors.</summary>
public sealed record NestedItemsField(string Name, string Label) : FormField(Name, Label)
{
    public IReadOnlyList<NestedItemView> Items { get; init; } = [];

    /// <summary>The list's heading level: h2 as a part of the edited item, deeper inside a nested item (its parts' headings one below).</summary>
    public int HeadingLevel { get; init; } = 2;

    /// <summary>The types an item may be added of (value: the type's name, text: its display name).</summary>
    public IReadOnlyList<Choice> AddTypes { get; init; } = [];

    /// <summary>The submit button value that adds an item of <paramref name="type"/>.</summary>
    public string AddAction(string type) => NestedItemsPost.Action(NestedItemsPost.Add, Name, type);

    public string MoveUpAction(int index) => NestedItemsPost.Action(NestedItemsPost.Up, Name, index);

    public string MoveDownAction(int index) => NestedItemsPost.Action(NestedItemsPost.Down, Name, index);

    public string RemoveAction(int index) => NestedItemsPost.Action(NestedItemsPost.Remove, Name, index);

    /// <summary>The hidden input saying the list was on the form (a post without it leaves the stored items alone).</summary>
    public string ShownName => NestedItemsPost.ShownName(Name);

    /// <summary>The hidden input each item carries in its place, so a dragged order is posted as it is seen.</summary>
    public string OrderName => NestedItemsPost.OrderName(Name);
}

/// <summary>One nested item at <see cref="Index"/>: its inputs are named <see cref="Prefix"/><c>{Part}.{Field}</c>.</summary>
public sealed record NestedItemView(int Index, string Prefix, string ContentItemId, string ContentType, string TypeName, IReadOnlyList<FormSection> Sections)
{
    /// <summary>How the item is named on buttons and its legend: its type and position ("Paragraph 2").</summary>
    public string Title => $"{TypeName} {Index + 1}";

    public string Id => FieldIds.For(Prefix.TrimEnd('.'));
}
