namespace OneDigital.Content.Querying;

/// <summary>
/// One sort key of a list, as a closed model the store plans into SQL. Keys apply in order; the store adds the
/// version id as the last key, running the way the last key does.
/// </summary>
public abstract record ContentSort(bool Descending)
{
    public sealed record ByColumn(ContentColumn Column, bool Descending = false) : ContentSort(Descending);

    /// <summary>By a field's value: a field with several values sorts by its least value ascending, its greatest descending.</summary>
    public sealed record ByField(string Part, string FieldName, FieldValueKind Kind, bool Descending = false) : ContentSort(Descending);
}
