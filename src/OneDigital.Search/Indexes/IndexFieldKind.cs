namespace OneDigital.Search.Indexes;

/// <summary>
/// How a value is encoded in a Lucene document. Writers and the query DSL must agree on it: a range or sort on a
/// date only works if both treat the field as <see cref="DateTicks"/>.
/// </summary>
public enum IndexFieldKind
{
    /// <summary>Not analyzed, one term (StringField): ids, types, paths, booleans as "true"/"false", keyword copies.</summary>
    Keyword,
    /// <summary>Analyzed with the index's analyzer (TextField).</summary>
    Text,
    /// <summary>A number (DoubleField), sortable and usable in ranges.</summary>
    Number,
    /// <summary>A UTC date and time as DateTime ticks (Int64Field), sortable and usable in ranges.</summary>
    DateTicks,
}
