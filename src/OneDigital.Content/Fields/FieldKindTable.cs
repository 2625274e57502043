namespace OneDigital.Content.Fields;

/// <summary>
/// A visitor's answer for every kind, asked once and kept in an array, so the per-field hot paths (saving, indexing)
/// look a kind's handler up without a dictionary or a new object.
/// </summary>
public sealed class FieldKindTable<T>
{
    private readonly T[] _byKind;

    public FieldKindTable(IFieldKindVisitor<T> visitor) => _byKind = [.. FieldKinds.All.Select(kind => kind.Accept(visitor))];

    public T this[FieldKind kind] => _byKind[(int)kind];
}
