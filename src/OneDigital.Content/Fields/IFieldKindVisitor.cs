namespace OneDigital.Content.Fields;

/// <summary>
/// One answer per field kind. Each layer (validation, index values, Lucene mapping, GraphQL type, filter input)
/// implements it once, so adding a member here is the compiler's list of the places a new kind must be handled.
/// Answers are built once and kept (<see cref="FieldKindTable{T}"/>), not per field value.
/// </summary>
public interface IFieldKindVisitor<out T>
{
    T Text();
    T Html();
    T Markdown();
    T Numeric();
    T Boolean();
    T Date();
    T DateTime();
    T Time();
    T Link();
    T Media();
    T ContentPicker();
    T Taxonomy();
    T UserPicker();
    T MultiText();
    T Youtube();
    T LocalizationSetContentPicker();
}
